package org.energylab.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The per-learner cap through the API, behind a trusted proxy at 127.0.0.1 (MockMvc's address):
 * each forwarded client has its own cap of one run, and a client that is not the proxy is
 * itself, whatever X-Forwarded-For it sends.
 */
@WebMvcTest(
        controllers = SimulationApi.class,
        properties = {"energylab.runs.per-learner=1", "energylab.runs.trusted-proxies=127.0.0.1"})
@Import({SimulationRegistry.class, SimulationRunner.class, ClientWatch.class, GatedSimulation.class})
class LearnerCapApiTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    GatedSimulation simulation;

    @BeforeEach
    void newGate() {
        simulation.reset();
    }

    @AfterEach
    void openTheGate() {
        simulation.gate.countDown();
    }

    private ResultActions run(int n, String peer, String forwardedFor) throws Exception {
        return mvc.perform(post("/api/simulations/gated/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parameters\": {\"n\": " + n + "}}")
                .header("X-Forwarded-For", forwardedFor)
                .with(request -> {
                    request.setRemoteAddr(peer);
                    return request;
                }));
    }

    @Test
    void theCapIsKeyedOnTheClientBehindTheProxy() throws Exception {
        run(1, "127.0.0.1", "203.0.113.1").andExpect(request().asyncStarted());
        run(2, "127.0.0.1", "203.0.113.1").andExpect(status().isTooManyRequests());
        run(3, "127.0.0.1", "203.0.113.2").andExpect(request().asyncStarted());
    }

    @Test
    void aClientThatIsNotTheProxyCannotDodgeTheCapWithTheHeader() throws Exception {
        run(4, "198.51.100.7", "203.0.113.3").andExpect(request().asyncStarted());
        run(5, "198.51.100.7", "203.0.113.4").andExpect(status().isTooManyRequests());
    }
}
