package org.energylab.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.springframework.test.web.servlet.ResultMatcher;

/** Every error under /api answers {"error", "field"} as JSON with its status: 404, 405 and 415 included. */
@WebMvcTest(SimulationApi.class)
@Import({
    SimulationRegistry.class,
    SimulationRunner.class,
    ClientWatch.class,
    PendulumSimulation.class,
    ApiFallback.class
})
class ApiErrorsTest {
    @Autowired
    MockMvc mvc;

    private static ResultActions isApiError(ResultActions answer, ResultMatcher status) throws Exception {
        return answer.andExpect(status)
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").isNotEmpty())
                .andExpect(jsonPath("$", not(hasKey("field"))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/api", "/api/", "/api/nothing", "/api/simulations/pendulum/nothing", "/api/v2/simulations"})
    void anUnknownApiAddressIs404AsJson(String path) throws Exception {
        isApiError(mvc.perform(get(path)), status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("/api/simulations")));
        isApiError(
                mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{}")), status().isNotFound());
    }

    @Test
    void aWrongMethodIs405AsJsonWithAllow() throws Exception {
        isApiError(mvc.perform(get("/api/simulations/pendulum/runs")), status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.error").value(containsString("POST")));
        isApiError(mvc.perform(delete("/api/simulations")), status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("GET")));
        isApiError(
                mvc.perform(put("/api/simulations/pendulum")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")),
                status().isMethodNotAllowed());
    }

    @Test
    void aBodyThatIsNotJsonIs415AsJson() throws Exception {
        isApiError(
                        mvc.perform(post("/api/simulations/pendulum/runs")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .content("theta0=1")),
                        status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(containsString("application/json")));
        isApiError(
                mvc.perform(post("/api/simulations/pendulum/runs")
                        .contentType(MediaType.APPLICATION_XML)
                        .content("<run/>")),
                status().isUnsupportedMediaType());
    }

    @Test
    void addressesOutsideTheApiKeepSpringsOwnAnswers() throws Exception {
        // Not the API's: no JSON error body from the API's handlers.
        mvc.perform(get("/no-such-page"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(""));
    }

    @Test
    void aClientThatDoesNotTakeJsonStillGetsItsErrorsInJson() throws Exception {
        isApiError(mvc.perform(get("/api/simulations").accept(MediaType.TEXT_HTML)), status().isNotAcceptable())
                .andExpect(jsonPath("$.error").value(containsString("application/json")));
        ApiRequests.completed(
                        mvc,
                        post("/api/simulations/pendulum/runs")
                                .accept(MediaType.TEXT_HTML)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"parameters\": {\"theta0\": 5}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.field").value("theta0"));
    }
}
