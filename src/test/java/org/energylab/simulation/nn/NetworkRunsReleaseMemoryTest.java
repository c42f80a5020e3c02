package org.energylab.simulation.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.backprop.BackpropLagrangianSimulation;
import org.energylab.simulation.ebm.EbmInferenceSimulation;
import org.energylab.simulation.ebm.MultimodalRegressionSimulation;
import org.energylab.simulation.ebmtraining.EbmCollapseSimulation;
import org.energylab.simulation.ebmtraining.EbmTrainingSimulation;
import org.energylab.simulation.jointembedding.JointEmbeddingSimulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulations that train a network give its native memory back when a run ends, without
 * waiting for the garbage collector. Measured with libnd4j's own count of the bytes its data
 * buffers hold ({@code Environment.getDeviceCouner}): JavaCPP's {@code Pointer.totalBytes()} does
 * not see them (an 8 MB array moves it by 32 bytes), and {@code physicalBytes()} is the resident
 * size of the whole process.
 */
class NetworkRunsReleaseMemoryTest {
    /** What SameDiff's graph for the multiplier check keeps past a run (about 0.1 MB a run). */
    private static final long MARGIN = 2_000_000;

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static Map<Simulation, Parameters> moderateRuns() {
        Map<Simulation, Parameters> runs = new LinkedHashMap<>();
        Simulation backprop = new BackpropLagrangianSimulation();
        runs.put(
                backprop,
                backprop.schema()
                        .validate(Map.of("samples", 400, "width", 32, "depth", 2, "batchSize", 64, "steps", 200)));
        Simulation regression = new MultimodalRegressionSimulation();
        runs.put(regression, regression.schema().validate(Map.of("samples", 400, "width", 32, "steps", 200)));
        Simulation inference = new EbmInferenceSimulation();
        runs.put(inference, inference.schema().validate(Map.of("width", 32, "trainingSteps", 100, "iterations", 100)));
        Simulation embedding = new JointEmbeddingSimulation();
        runs.put(embedding, embedding.schema().validate(Map.of("points", 400, "batchSize", 64, "steps", 100)));
        Simulation collapse = new EbmCollapseSimulation();
        runs.put(collapse, collapse.schema().validate(Map.of("contrastive", "on", "hiddenUnits", 32, "steps", 60)));
        Simulation training = new EbmTrainingSimulation();
        runs.put(
                training,
                training.schema()
                        .validate(Map.of("hiddenUnits", 32, "steps", 60, "langevinSteps", 10, "replayBuffer", "on")));
        return runs;
    }

    @Test
    void repeatedRunsLeaveNativeMemoryWhereItWas() throws InterruptedException {
        Map<Simulation, Parameters> runs = moderateRuns();
        // One run each first: ND4J caches shape descriptors and constants the first time it meets them.
        runs.forEach((simulation, parameters) -> simulation.run(RunContext.of(parameters, 1)));
        long start = NativeMemory.settled();
        Map<String, Long> growth = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (Map.Entry<Simulation, Parameters> run : runs.entrySet()) {
                long before = NativeMemory.settled();
                run.getKey().run(RunContext.of(run.getValue(), 2 + round));
                growth.merge(run.getKey().id(), NativeMemory.bytes() - before, Long::sum);
            }
        }
        assertThat(NativeMemory.bytes() - start)
                .as("native bytes still held after three rounds of runs; per simulation: %s", growth)
                .isLessThan(MARGIN);
        for (String id :
                List.of("multimodal-regression", "ebm-inference", "joint-embedding", "ebm-collapse", "ebm-train-2d")) {
            assertThat(growth.get(id)).as("bytes %s kept over three runs", id).isLessThan(1024);
        }
    }
}
