package org.energylab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/** The JSON API in a web slice: the controller, its error handler, the registry and the real runner. */
@WebMvcTest(SimulationApi.class)
@Import({SimulationRegistry.class, SimulationRunner.class, ClientWatch.class, PendulumSimulation.class})
class SimulationApiTest {
    private static final String RUNS = "/api/simulations/pendulum/runs";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private ResultActions run(String body) throws Exception {
        return completed(post(RUNS).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions completed(RequestBuilder request) throws Exception {
        return ApiRequests.completed(mvc, request);
    }

    private ResultActions badField(String body, String field) throws Exception {
        return run(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.error").isNotEmpty());
    }

    @Test
    void listsThePendulumWithItsParameters() throws Exception {
        mvc.perform(get("/api/simulations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'pendulum')].title").value(hasItems("Pendulum")))
                .andExpect(jsonPath("$[0].id").value("pendulum"))
                .andExpect(jsonPath("$[0].summary").isNotEmpty())
                .andExpect(jsonPath("$[0].parameters[0].name").value("length"))
                .andExpect(jsonPath("$[0].parameters[0].type").value("number"))
                .andExpect(jsonPath("$[0].parameters[0].min").value(0.1))
                .andExpect(jsonPath("$[0].parameters[0].max").value(10.0))
                .andExpect(jsonPath("$[0].parameters[0].defaultValue").value(1.0))
                .andExpect(jsonPath("$[0].parameters[0].unit").value("m"))
                .andExpect(jsonPath("$[0].parameters[0].label").value("Length ℓ"))
                .andExpect(jsonPath("$[0].parameters[0]", not(hasKey("choices"))))
                .andExpect(jsonPath("$[0].scalars[0].name").value("period"))
                .andExpect(jsonPath("$[0].scalars[0].unit").value("s"))
                .andExpect(jsonPath("$[0].scalars[1].name").value("energyDrift"))
                .andExpect(
                        jsonPath("$[0].parameters[?(@.name == 'planet')].type").value(hasItems("choice")))
                .andExpect(jsonPath("$[0].parameters[?(@.name == 'planet')].defaultValue")
                        .value(hasItems("earth")))
                .andExpect(jsonPath("$[0].parameters[?(@.name == 'planet')].choices[*]")
                        .value(hasItems("custom", "earth", "moon", "jupiter", "planet-x")))
                .andExpect(jsonPath("$[0].parameters[?(@.name == 'integrator')].choices[*]")
                        .value(hasItems("explicit-euler", "symplectic-euler", "velocity-verlet", "rk4")))
                .andExpect(jsonPath("$[0].parameters[?(@.name == 'ensemble')].type")
                        .value(hasItems("integer")))
                .andExpect(jsonPath("$[0].parameters[?(@.name == 'ensemble')].defaultValue")
                        .value(hasItems(1)))
                .andExpect(
                        jsonPath("$[0].parameters[?(@.name == 'ensemble')].max").value(hasItems(10000.0)));

        JsonNode planet = parameter("planet");
        assertThat(planet.has("min")).as("choices have no range").isFalse();
        assertThat(planet.has("max")).isFalse();
        assertThat(planet.has("unit")).isFalse();
        JsonNode theta0 = parameter("theta0");
        assertThat(theta0.path("min").asDouble()).isEqualTo(-3.1);
        assertThat(theta0.path("max").asDouble()).isEqualTo(3.1);
        assertThat(theta0.path("defaultValue").asDouble()).isEqualTo(1.0);
        assertThat(theta0.path("unit").asText()).isEqualTo("rad");
    }

    private JsonNode parameter(String name) throws Exception {
        String body =
                mvc.perform(get("/api/simulations")).andReturn().getResponse().getContentAsString();
        for (JsonNode p : json.readTree(body).get(0).path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + body);
    }

    @Test
    void getsOneSimulation() throws Exception {
        mvc.perform(get("/api/simulations/pendulum"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("pendulum"))
                .andExpect(jsonPath("$.parameters.length()").value(11));
    }

    @Test
    void unknownSimulationIs404WithAnError() throws Exception {
        mvc.perform(get("/api/simulations/rocket"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("rocket")))
                .andExpect(jsonPath("$", not(hasKey("field"))));
        run("{}").andExpect(status().isOk());
        mvc.perform(post("/api/simulations/rocket/runs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("rocket")));
    }

    @Test
    void runsThePendulum() throws Exception {
        double theta0 = 0.2;
        double period = 2 * Math.PI * Math.sqrt(1 / 9.81) * (1 + theta0 * theta0 / 16);

        String body = run("{\"parameters\": {\"theta0\": 0.2}, \"seed\": 7}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.simulation").value("pendulum"))
                .andExpect(jsonPath("$.seed").value(7))
                .andExpect(jsonPath("$.parameters.theta0").value(0.2))
                .andExpect(jsonPath("$.parameters.length").value(1.0))
                .andExpect(jsonPath("$.parameters.planet").value("earth"))
                .andExpect(jsonPath("$.parameters.integrator").value("rk4"))
                .andExpect(jsonPath("$.parameters.ensemble").value(1))
                .andExpect(jsonPath("$.scalars.period.value").value(closeTo(period, 1e-3 * period)))
                .andExpect(jsonPath("$.scalars.period.unit").value("s"))
                .andExpect(jsonPath("$.scalars.period.label").value("Period"))
                .andExpect(jsonPath("$.scalars.energyDrift.value").isNumber())
                .andExpect(jsonPath("$.series.theta.xLabel").value("time t (s)"))
                .andExpect(jsonPath("$.series.theta.yLabel").value("angle θ (rad)"))
                .andExpect(jsonPath("$.series.theta.label").value("θ"))
                .andExpect(jsonPath("$.series", not(hasKey("ensembleStart"))))
                .andReturn()
                .getResponse()
                .getContentAsString();

        JsonNode result = json.readTree(body);
        assertThat(result.path("parameters").size())
                .as("every parameter, defaults filled")
                .isEqualTo(11);
        JsonNode theta = result.path("series").path("theta");
        assertThat(theta.path("x").isArray()).isTrue();
        assertThat(theta.path("x").size()).isEqualTo(theta.path("y").size()).isEqualTo(2001);
        assertThat(theta.path("x").get(0).asDouble()).isZero();
        assertThat(theta.path("y").get(0).asDouble()).isEqualTo(theta0);
        assertThat(theta.path("x").get(2000).asDouble()).isCloseTo(20.0, offset(1e-9));
        assertThat(result.path("series").path("phase").path("xLabel").asText()).isEqualTo("angle θ (rad)");
    }

    @Test
    void runWithoutBodyUsesDefaultsAndSeed42() throws Exception {
        completed(post(RUNS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seed").value(42))
                .andExpect(jsonPath("$.parameters.theta0").value(1.0));
    }

    @Test
    void outOfRangeIs400WithTheField() throws Exception {
        badField("{\"parameters\": {\"theta0\": 5}}", "theta0")
                .andExpect(jsonPath("$.error").value(containsString("between -3.1 and 3.1")));
    }

    @Test
    void wrongTypeIs400WithTheField() throws Exception {
        badField("{\"parameters\": {\"theta0\": \"abc\"}}", "theta0")
                .andExpect(jsonPath("$.error").value(containsString("abc")));
        badField("{\"parameters\": {\"length\": true}}", "length");
        badField("{\"parameters\": {\"ensemble\": 2.5}}", "ensemble");
    }

    @Test
    void unknownNameIs400WithTheField() throws Exception {
        badField("{\"parameters\": {\"lenght\": 2}}", "lenght");
    }

    @Test
    void nanIs400WithTheField() throws Exception {
        badField("{\"parameters\": {\"theta0\": \"NaN\"}}", "theta0")
                .andExpect(jsonPath("$.error").value(containsString("finite")));
        badField("{\"parameters\": {\"dt\": \"Infinity\"}}", "dt");
    }

    @Test
    void emptyOrNullValueIs400WithTheField() throws Exception {
        badField("{\"parameters\": {\"theta0\": \"\"}}", "theta0");
        badField("{\"parameters\": {\"theta0\": null}}", "theta0");
    }

    @Test
    void badChoiceIs400WithTheField() throws Exception {
        badField("{\"parameters\": {\"integrator\": \"leapfrog\"}}", "integrator")
                .andExpect(jsonPath("$.error").value(containsString("rk4")));
    }

    @Test
    void malformedJsonIs400WithAnError() throws Exception {
        run("{\"parameters\": {\"theta0\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("not valid JSON")))
                .andExpect(jsonPath("$", not(hasKey("field"))));
        run("{\"parameters\": {\"theta0\": NaN}}").andExpect(status().isBadRequest());
        run("{\"parameters\": [1, 2]}").andExpect(status().isBadRequest());
    }

    @Test
    void wrongMediaTypeIs415() throws Exception {
        mvc.perform(post(RUNS).contentType(MediaType.TEXT_PLAIN).content("theta0=1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").isNotEmpty());
    }

    @Test
    void tooLargeEnsembleIs400WithTheEnsembleField() throws Exception {
        badField("{\"parameters\": {\"ensemble\": 10000, \"duration\": 200, \"dt\": 0.01}}", "ensemble")
                .andExpect(jsonPath("$.error").value(containsString("50000000")));
    }
}
