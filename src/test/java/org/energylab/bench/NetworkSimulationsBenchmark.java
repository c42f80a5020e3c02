package org.energylab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.backprop.BackpropLagrangianSimulation;
import org.energylab.simulation.ebm.EbmInferenceSimulation;
import org.energylab.simulation.ebm.MultimodalRegressionSimulation;
import org.energylab.simulation.jointembedding.JointEmbeddingSimulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One whole default run of each simulation that trains a network, seed 42, after warm-up runs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class NetworkSimulationsBenchmark {
    @Param({"backprop-lagrangian", "multimodal-regression", "ebm-inference", "joint-embedding"})
    public String simulation;

    private Simulation target;
    private Parameters defaults;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4jRuntime.ensureStarted();
        target = List.<Simulation>of(
                        new BackpropLagrangianSimulation(),
                        new MultimodalRegressionSimulation(),
                        new EbmInferenceSimulation(),
                        new JointEmbeddingSimulation())
                .stream()
                .filter(s -> s.id().equals(simulation))
                .findFirst()
                .orElseThrow();
        defaults = target.schema().defaults();
    }

    @Benchmark
    public SimulationResult defaultRun() {
        return target.run(RunContext.of(defaults, 42));
    }
}
