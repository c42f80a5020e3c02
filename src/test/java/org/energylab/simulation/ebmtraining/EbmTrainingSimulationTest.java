package org.energylab.simulation.ebmtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.energylab.simulation.CancellationSignal;
import org.energylab.simulation.Grid;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.ProgressSink;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.SeriesRecorder;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.energy.NetworkEnergy;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.training.StepObserver;
import org.energylab.simulation.training.TrainingLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lesson 5.2's training against what it must achieve: after contrastive training the data's energy is
 * below that of uniform points by a stated margin, Langevin samples of the model land near the data
 * (the reference distance is recomputed here by an independent Monte Carlo), the frames and the
 * low-energy volume are consistent, and denoising score matching on a Gaussian learns its score.
 */
class EbmTrainingSimulationTest {
    private static final EbmTrainingSimulation SIM = new EbmTrainingSimulation();

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static SimulationResult run(long seed, Map<String, Object> raw) {
        return SIM.run(RunContext.of(SIM.schema().validate(raw), seed));
    }

    // Measured, seed 42, 300 steps: contrastive divergence with Langevin negatives and the replay
    // buffer on the 8 Gaussians, data −2.6 and uniform 11.2, sample distance 0.26 against 0.89; spiral
    // −4.9 and 5.2, 0.25 against 0.96; the hinge with perturbed data −13.6 and −9.0; the NLL with
    // uniform negatives −0.5 and 2.8.
    @ParameterizedTest(name = "{1} with {2} negatives on {3}")
    @CsvSource({
        "42, contrastive-divergence, langevin, eight-gaussians, 5",
        "5, contrastive-divergence, langevin, spiral, 3",
        "42, hinge, perturbed-data, eight-gaussians, 2",
        "42, nll, uniform, eight-gaussians, 1.5"
    })
    void afterContrastiveTrainingTheDataLieBelowUniformPoints(
            long seed, String loss, String negatives, String dataset, double margin) {
        SimulationResult result = run(seed, Map.of("loss", loss, "negatives", negatives, "dataset", dataset));
        assertThat(result.scalar("uniformEnergy").value()
                        - result.scalar("dataEnergy").value())
                .isGreaterThan(margin);
        // Low energy is concentrated: well under half of the square, where a flat surface scores 1.
        assertThat(result.scalar("lowEnergyVolume").value()).isLessThan(0.4);
    }

    /**
     * The energy surface reaches the run's progress while training goes on, frame by frame, so a panel
     * can draw it before the result: the first preview is the untrained surface, sent before the run
     * reports its first progress, and the last one is the trained surface the result holds.
     */
    @Test
    void theSurfaceIsPreviewedWhileTheRunGoesOn() {
        List<String> events = new ArrayList<>();
        List<Grid> previews = new ArrayList<>();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(double fraction) {
                events.add("progress " + fraction);
            }

            @Override
            public void append(String series, double[] x, double[] y) {}

            @Override
            public void grid(String name, Grid grid) {
                events.add("grid " + name);
                previews.add(grid);
            }
        };
        SimulationResult result =
                SIM.run(new RunContext(SIM.schema().validate(Map.of("steps", 60)), 42, sink, CancellationSignal.NEVER));

        assertThat(events.get(0)).isEqualTo("grid energy");
        assertThat(events.get(events.size() - 1)).isEqualTo("progress 1.0");
        Grid energy = result.grids().get("energy");
        assertThat(previews).hasSize(energy.frames().size());
        assertThat(previews.get(0).animated()).isFalse();
        assertThat(previews.get(0).values())
                .isDeepEqualTo(energy.frames().get(0).values());
        assertThat(previews.get(previews.size() - 1).values()).isDeepEqualTo(energy.values());
        assertThat(previews.get(0).xs()).containsExactly(energy.xs());
    }

    @Test
    void langevinSamplesOfTheTrainedModelLandNearTheData() {
        SimulationResult result = run(42, Map.of());
        double samples = result.scalar("sampleToDataDistance").value();
        double uniform = result.scalar("uniformToDataDistance").value();
        assertThat(samples).isLessThan(0.4 * uniform);

        // The reference recomputed from the data the run returns and uniform points of our own.
        double[] data =
                interleave(result.series("data").xs(), result.series("data").ys());
        double[] points = PlotDomain.uniformPoints(4000, new SplittableRandom(99));
        double sum = 0;
        for (int i = 0; i < 4000; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < data.length / 2; k++) {
                best = Math.min(best, Math.hypot(points[2 * i] - data[2 * k], points[2 * i + 1] - data[2 * k + 1]));
            }
            sum += best;
        }
        // Monte Carlo over 1000 and 4000 points: their standard errors are about 0.015 and 0.008.
        assertThat(uniform).isCloseTo(sum / 4000, within(0.06));
        assertThat(result.series("samples").size()).isEqualTo(EbmTrainingSimulation.SAMPLE_CHAINS);
    }

    @Test
    void framesRunFromStepZeroToTheLastAndTheVolumeCurveEndsAtTheScalar() {
        SimulationResult result = run(42, Map.of("loss", "hinge", "negatives", "uniform", "steps", 100));
        List<Grid.Frame> frames = result.grids().get("energy").frames();
        assertThat(frames).hasSize(EbmTrainingSimulation.FRAMES + 1);
        assertThat(frames.get(0).step()).isZero();
        assertThat(frames.get(frames.size() - 1).step()).isEqualTo(100);
        assertThat(result.grids().get("energy").values())
                .isSameAs(frames.get(frames.size() - 1).values());
        double[] volume = result.series("lowEnergyVolumeVsStep").ys();
        assertThat(volume).hasSize(frames.size());
        assertThat(volume[volume.length - 1])
                .isCloseTo(result.scalar("lowEnergyVolume").value(), within(1e-12));
        assertThat(result.series("loss").size()).isEqualTo(100);
    }

    /**
     * Denoising score matching learns the score of the data blurred by N(0, σ²I). Data drawn from N(μ,
     * Σ − σ²I) are, once blurred, exactly N(μ, Σ), so the learned score −∇F(y) must match −Σ⁻¹(y − μ).
     * Compared at 25 points within about one standard deviation of μ, where the data are; measured
     * relative error 0.08 (training noise: it falls with more steps and larger batches).
     */
    @Test
    void scoreMatchingOnAGaussianLearnsMinusSigmaInverseTimesTheOffset() {
        double noise = 0.2;
        double[] mu = {0.5, -0.3};
        double[][] sigma = {{0.5, 0.2}, {0.2, 0.3}};
        // Cholesky factors of Σ − σ²I (to draw the data) and of Σ (to place the probes).
        double[][] drawn = cholesky(sigma[0][0] - noise * noise, sigma[0][1], sigma[1][1] - noise * noise);
        double[][] spread = cholesky(sigma[0][0], sigma[0][1], sigma[1][1]);
        SplittableRandom random = new SplittableRandom(11);
        double[] data = new double[2 * 2000];
        for (int i = 0; i < 2000; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            data[2 * i] = mu[0] + drawn[0][0] * a;
            data[2 * i + 1] = mu[1] + drawn[1][0] * a + drawn[1][1] * b;
        }
        try (Mlp network = new Mlp(new int[] {2, 32, 32, 1}, Activation.TANH, Activation.IDENTITY, random.split())) {
            ScoreMatchingStep step = new ScoreMatchingStep(network, data, 256, noise, 0.002, random.split());
            TrainingLoop.over(RunContext.of(SIM.schema().defaults(), 1), 2000, 10)
                    .run(step, StepObserver.NONE, new SeriesRecorder(List.of()));
            double[] probes = new double[2 * 25];
            for (int i = 0; i < 25; i++) {
                double a = (i % 5 - 2) * 0.5;
                double b = (i / 5 - 2) * 0.5;
                probes[2 * i] = mu[0] + spread[0][0] * a;
                probes[2 * i + 1] = mu[1] + spread[1][0] * a + spread[1][1] * b;
            }
            double[] gradient = new NetworkEnergy(network, 2)
                    .gradient(Nd4j.createFromArray(probes).reshape(25, 2))
                    .dup('c')
                    .data()
                    .asDouble();
            double error = 0;
            double size = 0;
            for (int i = 0; i < 25; i++) {
                double[] exact =
                        minusInverseTimes(sigma, new double[] {probes[2 * i] - mu[0], probes[2 * i + 1] - mu[1]});
                error += square(-gradient[2 * i] - exact[0]) + square(-gradient[2 * i + 1] - exact[1]);
                size += square(exact[0]) + square(exact[1]);
            }
            assertThat(Math.sqrt(error / size))
                    .as("relative RMS error of the score")
                    .isLessThan(0.15);
        }
    }

    /** The lower-triangular L with L Lᵀ = [[a, b], [b, c]]. */
    private static double[][] cholesky(double a, double b, double c) {
        double l11 = Math.sqrt(a);
        double l21 = b / l11;
        return new double[][] {{l11, 0}, {l21, Math.sqrt(c - l21 * l21)}};
    }

    private static double[] minusInverseTimes(double[][] m, double[] d) {
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return new double[] {-(m[1][1] * d[0] - m[0][1] * d[1]) / det, -(-m[1][0] * d[0] + m[0][0] * d[1]) / det};
    }

    private static double square(double v) {
        return v * v;
    }

    private static double[] interleave(double[] xs, double[] ys) {
        double[] out = new double[2 * xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[2 * i] = xs[i];
            out[2 * i + 1] = ys[i];
        }
        return out;
    }
}
