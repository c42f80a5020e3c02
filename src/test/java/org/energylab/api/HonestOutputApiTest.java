package org.energylab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.energylab.simulation.doublependulum.DoublePendulumSimulation;
import org.energylab.simulation.gibbs.GibbsReactionSimulation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Numbers JSON cannot hold leave the API honestly: a scalar that came out NaN or infinite has no
 * value and a note, and a gap in a series is null, never the strings "NaN" or "Infinity".
 */
@WebMvcTest(SimulationApi.class)
@Import({
    SimulationRegistry.class,
    SimulationRunner.class,
    ClientWatch.class,
    DoublePendulumSimulation.class,
    GibbsReactionSimulation.class
})
class HonestOutputApiTest {
    /** Explicit Euler at the largest step with the lower bob 100 times lighter: the energy blows up. */
    private static final String DIVERGING = "{\"parameters\": {\"integrator\": \"explicit-euler\", \"dt\": 0.1,"
            + " \"mass1\": 10, \"mass2\": 0.1, \"duration\": 200}}";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private JsonNode run(String simulation, String body) throws Exception {
        String answer = ApiRequests.completed(
                        mvc,
                        post("/api/simulations/" + simulation + "/runs")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).doesNotContain("\"NaN\"", "\"Infinity\"", "\"-Infinity\"");
        return json.readTree(answer);
    }

    /** Counts the nulls of an array, checking that everything else is a number. */
    private static int gaps(JsonNode values) {
        assertThat(values.isArray()).isTrue();
        int nulls = 0;
        for (JsonNode v : values) {
            if (v.isNull()) {
                nulls++;
            } else {
                assertThat(v.isNumber()).as("a number or null: %s", v).isTrue();
            }
        }
        return nulls;
    }

    @Test
    void aDivergedDoublePendulumReportsNoDriftValueButANote() throws Exception {
        JsonNode result = run("double-pendulum", DIVERGING);

        JsonNode drift = result.path("scalars").path("energyDrift");
        assertThat(drift.has("value")).as("no value: %s", drift).isFalse();
        assertThat(drift.path("note").asText()).isEqualTo(Scalar.NOT_FINITE);
        assertThat(drift.path("label").asText()).isNotEmpty();

        JsonNode energy = result.path("series").path("energy");
        int gaps = gaps(energy.path("y"));
        assertThat(gaps).as("the energy series has gaps once it overflowed").isGreaterThan(0);
        assertThat(energy.path("y").get(0).isNumber()).as("it starts finite").isTrue();
        assertThat(gaps(energy.path("x"))).as("time is always finite").isZero();
        int total = 0;
        for (JsonNode series : result.path("series")) {
            total += gaps(series.path("x")) + gaps(series.path("y"));
        }
        assertThat(total).isGreaterThan(1000);
    }

    @Test
    void gibbsGapsAreNulls() throws Exception {
        JsonNode result = run("gibbs-reaction", "{\"parameters\": {\"preset\": \"limestone\"}}");
        JsonNode spontaneous = result.path("series").path("spontaneous");
        JsonNode deltaG = result.path("series").path("deltaG").path("y");
        // Shaded only where ΔG < 0: above 1110.9 K for limestone, 150 of the points; the rest are gaps.
        assertThat(gaps(spontaneous.path("y"))).isEqualTo(deltaG.size() - 150);
        for (int i = 0; i < deltaG.size(); i++) {
            assertThat(spontaneous.path("y").get(i).isNull())
                    .isEqualTo(deltaG.get(i).asDouble() >= 0);
        }
    }
}
