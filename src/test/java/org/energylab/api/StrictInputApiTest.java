package org.energylab.api;

import static org.hamcrest.Matchers.allOf;
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

import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What a run request may contain: one JSON object, nothing after it, only "parameters" and "seed",
 * numbers as JSON numbers, a seed of digits, no value for a parameter the others switch off, and at
 * most 16 KB of it.
 */
@WebMvcTest(SimulationApi.class)
@Import({SimulationRegistry.class, SimulationRunner.class, ClientWatch.class, PendulumSimulation.class})
class StrictInputApiTest {
    private static final String RUNS = "/api/simulations/pendulum/runs";

    @Autowired
    MockMvc mvc;

    private ResultActions run(String body) throws Exception {
        return ApiRequests.completed(
                mvc, post(RUNS).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions refused(String body, String field) throws Exception {
        ResultActions answer = run(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").isNotEmpty());
        return field == null
                ? answer.andExpect(jsonPath("$", not(hasKey("field"))))
                : answer.andExpect(jsonPath("$.field").value(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{\"seed\": 7} {\"seed\": 8}", "{\"parameters\": {}}]", "[] garbage"})
    void anythingAfterTheObjectIsRefused(String body) throws Exception {
        refused(body, null).andExpect(jsonPath("$.error").value(containsString("not valid JSON")));
    }

    @Test
    void aTypoInATopLevelPropertyIsRefusedWithThatName() throws Exception {
        refused("{\"parameter\": {\"theta0\": 0.2}}", "parameter")
                .andExpect(jsonPath("$.error").value(containsString("\"parameters\"")));
        refused("{\"parameters\": {}, \"sead\": 7}", "sead");
    }

    @Test
    void aRepeatedKeyIsRefused() throws Exception {
        refused("{\"parameters\": {\"theta0\": 0.2, \"theta0\": 0.3}}", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p1", "2d", "2f", "0.5", "1e-1", " 1"})
    void numbersWrittenAsTextAreRefused(String text) throws Exception {
        refused("{\"parameters\": {\"theta0\": \"" + text + "\"}}", "theta0")
                .andExpect(jsonPath("$.error").value(containsString("JSON number")));
    }

    @Test
    void aChoiceMustBeText() throws Exception {
        refused("{\"parameters\": {\"integrator\": 4}}", "integrator")
                .andExpect(jsonPath("$.error").value(containsString("rk4")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.7", "42.0", "1e3", "\"42\"", "-1", "2147483648", "99999999999999999999", "null", "true"})
    void aSeedThatIsNotDigitsInRangeIsRefusedWithTheSeedField(String seed) throws Exception {
        refused("{\"seed\": " + seed + "}", "seed")
                .andExpect(jsonPath("$.error").value(containsString("Seed")));
    }

    @Test
    void aWholeSeedIsTakenAsItIs() throws Exception {
        run("{\"seed\": 2147483647}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seed").value(2147483647L));
        run("{\"seed\": 0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seed").value(0));
    }

    @Test
    void theSchemaSaysWhenAParameterCounts() throws Exception {
        mvc.perform(get("/api/simulations/pendulum"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameters[?(@.name == 'gravity')].activeWhen.planet")
                        .value(hasItems("custom")))
                .andExpect(jsonPath("$.parameters[?(@.name == 'length')].activeWhen")
                        .isEmpty());
    }

    @Test
    void aValueForAParameterTheOthersSwitchOffIsRefused() throws Exception {
        refused("{\"parameters\": {\"gravity\": 1.62}}", "gravity")
                .andExpect(jsonPath("$.error")
                        .value(allOf(containsString("custom"), containsString("earth"), containsString("planet"))));
        refused("{\"parameters\": {\"planet\": \"moon\", \"gravity\": 1.62}}", "gravity");
    }

    @Test
    void theSameValueCountsOnceItsConditionHolds() throws Exception {
        double period = 2 * Math.PI * Math.sqrt(1 / 1.62) * (1 + 0.2 * 0.2 / 16);
        run("{\"parameters\": {\"planet\": \"custom\", \"gravity\": 1.62, \"theta0\": 0.2}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scalars.period.value").value(closeTo(period, 1e-3 * period)));
    }

    @Test
    void theDefaultOfAnInactiveParameterMayBeSentBack() throws Exception {
        // A response lists every parameter, defaults included; sending that back must work.
        run("{\"parameters\": {\"planet\": \"earth\", \"gravity\": 9.81}}").andExpect(status().isOk());
    }

    @Test
    void aBodyOver16KbIsRefusedBeforeItIsRead() throws Exception {
        StringBuilder body = new StringBuilder("{\"parameters\": {");
        for (int i = 0; body.length() <= RequestBodyLimit.LIMIT; i++) {
            body.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": 1");
        }
        body.append("}}");
        run(body.toString())
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(containsString("16 KB")))
                .andExpect(jsonPath("$", not(hasKey("field"))));
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws Exception {
        String padding = " ".repeat(RequestBodyLimit.LIMIT - 40);
        run("{\"seed\": 5" + padding + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seed").value(5));
    }
}
