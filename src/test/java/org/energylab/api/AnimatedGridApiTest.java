package org.energylab.api;

import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.energylab.simulation.ebmtraining.EbmCollapseSimulation;
import org.energylab.simulation.latent.LatentEbmSimulation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Grids in the JSON API: one that changed during the run comes with its frames, one that did not has none. */
@WebMvcTest(SimulationApi.class)
@Import({
    SimulationRegistry.class,
    SimulationRunner.class,
    ClientWatch.class,
    EbmCollapseSimulation.class,
    LatentEbmSimulation.class
})
class AnimatedGridApiTest {
    @Autowired
    MockMvc mvc;

    private ResultActions run(String simulation, String body) throws Exception {
        MvcResult started = mvc.perform(post("/api/simulations/" + simulation + "/runs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    @Test
    void anAnimatedGridComesWithItsFramesLabelledByStep() throws Exception {
        run("ebm-collapse", "{\"parameters\": {\"steps\": 20, \"hiddenUnits\": 4}, \"seed\": 3}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grids.energy.frames.length()").value(21))
                .andExpect(jsonPath("$.grids.energy.frames[0].step").value(0))
                .andExpect(jsonPath("$.grids.energy.frames[20].step").value(20))
                .andExpect(jsonPath("$.grids.energy.frames[20].values.length()").value(41))
                .andExpect(jsonPath("$.grids.energy.values.length()").value(41))
                .andExpect(jsonPath("$.scalars.energySpread.value").isNumber());
    }

    @Test
    void aGridWithoutFramesLeavesTheFieldOut() throws Exception {
        run("latent-ebm", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grids.freeEnergy.values").isArray())
                .andExpect(jsonPath("$.grids.freeEnergy", not(hasKey("frames"))));
    }
}
