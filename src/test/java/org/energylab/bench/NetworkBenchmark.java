package org.energylab.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The network engine on the workload of {@code src/test/bench/nn_benchmark.py}, which times PyTorch on the
 * same: a 2→64→64→1 tanh network in double precision, (a) one training step on a batch of 256
 * (forward, backward, plain gradient descent on the mean squared error) and (b) a forward sweep over
 * a 200 × 200 grid of inputs, in double and, as the lessons' heat maps are drawn, in single precision. Run both and compare with {@code src/test/bench/nn-vs-pytorch.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class NetworkBenchmark {
    static final int[] SIZES = {2, 64, 64, 1};
    static final int BATCH = 256;
    static final int GRID = 200;
    static final double LEARNING_RATE = 0.01;

    private Mlp mlp;
    private BatchPass pass;
    private double[] targets;
    private double[] grid;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4jRuntime.ensureStarted();
        SplittableRandom rng = new SplittableRandom(0);
        mlp = new Mlp(SIZES, Activation.TANH, Activation.IDENTITY, rng);
        pass = mlp.pass(BATCH);
        double[] inputs = new double[BATCH * 2];
        targets = new double[BATCH];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = rng.nextGaussian();
        }
        for (int i = 0; i < BATCH; i++) {
            targets[i] = rng.nextGaussian();
        }
        pass.input(inputs);
        grid = new double[2 * GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                grid[2 * (i * GRID + j)] = -3 + 6.0 * j / (GRID - 1);
                grid[2 * (i * GRID + j) + 1] = -3 + 6.0 * i / (GRID - 1);
            }
        }
    }

    /** Forward, C = mean (ŷ − y)², backward, W ← W − η ∂C/∂W: returns the loss before the step. */
    @Benchmark
    public double trainingStep() {
        pass.forward();
        double[] prediction = pass.outputValues();
        double[] gradient = pass.outputGradient();
        double loss = 0;
        for (int i = 0; i < BATCH; i++) {
            double residual = prediction[i] - targets[i];
            loss += residual * residual;
            gradient[i] = 2 * residual / BATCH;
        }
        pass.backward(false);
        mlp.descend(pass, LEARNING_RATE);
        return loss / BATCH;
    }

    /** The network's output at all 40 000 points of the grid. */
    @Benchmark
    public double[] gridForward() {
        return mlp.predict(grid, GRID * GRID);
    }

    /** The same grid swept in single precision, as the heat maps of the lessons are. */
    @Benchmark
    public double[] gridForwardForPicture() {
        return mlp.predictForPicture(grid, GRID * GRID);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mlp.close();
    }
}
