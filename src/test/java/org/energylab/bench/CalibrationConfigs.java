package org.energylab.bench;

import java.util.List;
import java.util.Map;

/**
 * The sizes {@link CostCalibration} measures each simulation at: the defaults, and settings that
 * make each term of its cost model dominate in turn, each run a few seconds at most.
 */
final class CalibrationConfigs {
    private CalibrationConfigs() {}

    static List<Map<String, Object>> of(String id) {
        return switch (id) {
            case "backprop-lagrangian" ->
                List.of(
                        Map.of(),
                        Map.of("steps", 2000, "depth", 1, "width", 2, "batchSize", 1, "samples", 50),
                        Map.of("steps", 2000, "depth", 4, "width", 8, "batchSize", 1, "samples", 50),
                        Map.of(
                                "steps",
                                2000,
                                "depth",
                                4,
                                "width",
                                8,
                                "batchSize",
                                1,
                                "samples",
                                50,
                                "optimiser",
                                "adam"),
                        Map.of(
                                "steps",
                                1000,
                                "depth",
                                1,
                                "width",
                                2,
                                "batchSize",
                                1,
                                "samples",
                                50,
                                "optimiser",
                                "adam"),
                        Map.of(
                                "steps",
                                1000,
                                "depth",
                                4,
                                "width",
                                64,
                                "batchSize",
                                1,
                                "samples",
                                50,
                                "optimiser",
                                "adam"),
                        Map.of("steps", 200, "depth", 2, "width", 64, "batchSize", 2000, "samples", 2000),
                        Map.of("steps", 100, "depth", 4, "width", 64, "batchSize", 32, "samples", 2000),
                        Map.of("steps", 5, "depth", 4, "width", 64, "samples", 2000));
            case "ebm-inference" ->
                List.of(
                        Map.of(),
                        Map.of("trainingSteps", 0, "iterations", 1000, "depth", 3),
                        Map.of("trainingSteps", 0, "iterations", 1),
                        Map.of("trainingSteps", 300, "width", 4, "depth", 1, "iterations", 1),
                        Map.of("trainingSteps", 100, "width", 64, "depth", 3, "iterations", 1),
                        Map.of("trainingSteps", 300, "width", 32, "depth", 2, "iterations", 1));
            case "multimodal-regression" ->
                List.of(
                        Map.of(),
                        Map.of("steps", 1000, "width", 2, "depth", 1, "samples", 20),
                        Map.of("steps", 1000, "width", 2, "depth", 4, "samples", 20),
                        Map.of("steps", 100, "width", 64, "depth", 4, "samples", 2000),
                        Map.of("steps", 10, "samples", 20));
            case "joint-embedding" ->
                List.of(
                        Map.of(),
                        Map.of("steps", 1000, "batchSize", 8, "width", 4, "depth", 1, "points", 50),
                        Map.of("steps", 1000, "batchSize", 8, "width", 4, "depth", 3, "points", 50),
                        Map.of("steps", 200, "batchSize", 256, "width", 64, "depth", 3, "points", 400),
                        Map.of("steps", 200, "batchSize", 256, "width", 4, "depth", 1, "points", 400),
                        Map.of("steps", 10, "batchSize", 8, "width", 64, "depth", 3, "points", 2000));
            case "pendulum" ->
                List.of(
                        Map.of(),
                        Map.of("duration", 200, "dt", 1e-4),
                        Map.of("ensemble", 4, "duration", 20, "dt", 0.001),
                        Map.of("ensemble", 4, "duration", 20, "dt", 0.001, "integrator", "explicit-euler"),
                        Map.of("ensemble", 10_000, "duration", 20, "dt", 0.01),
                        Map.of("ensemble", 10_000, "duration", 2, "dt", 0.001, "integrator", "explicit-euler"));
            case "double-pendulum", "constrained-pendulum" ->
                List.of(
                        Map.of(),
                        Map.of("duration", 200, "dt", 1e-4),
                        Map.of("duration", 100, "dt", 1e-4, "integrator", "symplectic-euler"));
            case "sampler" ->
                List.of(
                        Map.of(),
                        Map.of("chains", 1, "steps", 20_000),
                        Map.of("chains", 10_000, "steps", 2000),
                        Map.of("chains", 1, "steps", 20_000, "method", "mala"),
                        Map.of("chains", 10_000, "steps", 2000, "method", "mala"),
                        Map.of("chains", 1000, "steps", 5000, "method", "langevin"));
            case "boltzmann" -> List.of(Map.of(), Map.of("gridPoints", 20_001), Map.of("gridPoints", 101));
            case "latent-ebm" ->
                List.of(
                        Map.of(),
                        Map.of("nz", 720, "gridSize", 151),
                        Map.of("latent", "angle-radius", "nz", 100, "gridSize", 101),
                        Map.of("decoder", "learned", "steps", 200, "samples", 500),
                        Map.of("nz", 4, "gridSize", 21));
            case "diffusion-schedule" ->
                List.of(
                        Map.of(),
                        Map.of("samples", 5000, "gridSize", 61),
                        Map.of("steps", 4000, "t", 100, "gridSize", 21, "samples", 100),
                        Map.of("steps", 10, "t", 10, "gridSize", 21, "samples", 100));
            case "ebm-regularized" ->
                List.of(
                        Map.of(),
                        Map.of("method", "pca"),
                        Map.of("clusters", 64),
                        Map.of("method", "sparse-coding"),
                        Map.of("method", "sparse-coding", "dataset", "rings", "sparsity", 0.002));
            case "confounding", "sensitivity" ->
                List.of(Map.of(), Map.of("samples", 100_000), Map.of("samples", 20_000), Map.of("samples", 10));
            case "fisher" ->
                List.of(
                        Map.of(),
                        Map.of("maxSamples", 10_000, "repetitions", 2000),
                        Map.of("model", "regression-slope", "maxSamples", 10_000, "repetitions", 1000),
                        Map.of("model", "gaussian-median", "maxSamples", 10_000, "repetitions", 500),
                        Map.of("maxSamples", 10, "repetitions", 20));
            case "ebm-collapse" ->
                List.of(
                        Map.of(),
                        Map.of("contrastive", "on"),
                        Map.of("steps", 3000, "hiddenUnits", 4),
                        Map.of("steps", 1000, "hiddenUnits", 128, "contrastive", "on"),
                        Map.of("steps", 10, "hiddenUnits", 128));
            case "ebm-train-2d" ->
                List.of(
                        Map.of(),
                        Map.of("loss", "hinge", "negatives", "uniform", "steps", 2000, "hiddenUnits", 4),
                        Map.of("loss", "hinge", "negatives", "uniform", "steps", 500, "hiddenUnits", 128),
                        Map.of("loss", "score-matching", "steps", 1000, "hiddenUnits", 64),
                        Map.of("langevinSteps", 50, "steps", 200, "hiddenUnits", 16),
                        Map.of("langevinSteps", 30, "steps", 200, "hiddenUnits", 128),
                        Map.of("steps", 10, "hiddenUnits", 4));
            default -> List.of(Map.of());
        };
    }
}
