package org.energylab.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.energylab.simulation.LearnerKey;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.ProgressSink;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.RunHandle;
import org.energylab.simulation.RunLimits;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;
import org.energylab.simulation.SimulationRunner;

/**
 * Times every registered simulation with its default parameters (plus a few heavier settings a
 * learner can pick), after warm-up, and classroom bursts of 30 runs through the bounded executor.
 * Run with {@code mvn -q test-compile exec:java -Dexec.mainClass=org.energylab.bench.SimulationBenchmark
 * -Dexec.classpathScope=test}; add {@code -Dexec.args=burst} for the classroom bursts alone, or
 * {@code -Dexec.args="ebm-regularized pendulum"} for the table of those simulations alone.
 */
public final class SimulationBenchmark {
    private static final int WARM_UP = 3;
    private static final int MEASURED = 10;
    private static final int LEARNERS = 30;

    public static void main(String[] args) throws Exception {
        Nd4jRuntime.ensureStarted();
        List<Simulation> simulations = SimulationClasses.instantiateAll();
        if (List.of(args).contains("burst")) {
            classroomBurst(simulations);
        }
        System.out.printf("%-22s %-44s %10s %10s %10s%n", "simulation", "parameters", "median ms", "min ms", "max ms");
        // Other arguments name the simulations to time, e.g. "ebm-collapse ebm-train-2d"; none times all.
        List<String> only =
                List.of(args).stream().filter(a -> !a.equals("burst")).toList();
        for (Simulation simulation : simulations) {
            if (!only.isEmpty() && !only.contains(simulation.id())) {
                continue;
            }
            time(simulation, Map.of());
            for (Map<String, Object> heavier : heavierSettings(simulation.id())) {
                time(simulation, heavier);
            }
        }
        if (only.isEmpty()) {
            classroomBurst(simulations);
        }
    }

    /** Settings a learner may choose that cost much more than the defaults. */
    private static List<Map<String, Object>> heavierSettings(String id) {
        return switch (id) {
            case "pendulum" ->
                List.of(
                        Map.of("duration", 200, "dt", 1e-4),
                        Map.of("ensemble", 1000),
                        Map.of("ensemble", 10_000, "duration", 20, "dt", 0.01));
            case "confounding", "sensitivity" -> List.of(Map.of("samples", 100_000));
            case "fisher" ->
                List.of(
                        Map.of("model", "regression-slope"),
                        Map.of("model", "gaussian-median"),
                        Map.of("maxSamples", 10_000, "repetitions", 2000));
            case "ebm-regularized" ->
                List.of(
                        Map.of("method", "pca"),
                        Map.of("method", "sparse-coding"),
                        Map.of("clusters", 64, "dataset", "rings"));
            case "ebm-train-2d" ->
                List.of(
                        Map.of("loss", "score-matching"),
                        Map.of("loss", "hinge", "negatives", "perturbed-data"),
                        Map.of("langevinSteps", 30, "steps", 1000));
            case "ebm-collapse" -> List.of(Map.of("contrastive", "on"));
            default -> List.of();
        };
    }

    private static void time(Simulation simulation, Map<String, Object> overrides) {
        Parameters parameters = simulation.schema().validate(overrides);
        for (int i = 0; i < WARM_UP; i++) {
            simulation.run(RunContext.of(parameters, 42));
        }
        double[] ms = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            simulation.run(RunContext.of(parameters, 42));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                "%-22s %-44s %10.2f %10.2f %10.2f%n",
                simulation.id(),
                overrides.isEmpty() ? "defaults" : overrides.toString(),
                ms[MEASURED / 2],
                ms[0],
                ms[MEASURED - 1]);
    }

    /**
     * Thirty learners press Run at once on a lesson's default {@code backprop-lagrangian}, on two
     * workers: how long until the last result, each with its own seed (thirty computations, taken
     * in fair turns) and all with the same seed (one computation, the others join it).
     */
    private static void classroomBurst(List<Simulation> simulations) throws Exception {
        Simulation simulation = simulations.stream()
                .filter(s -> s.id().equals("backprop-lagrangian"))
                .findFirst()
                .orElseThrow();
        Parameters parameters = simulation.schema().defaults();
        long alone = 0;
        for (int i = 0; i < WARM_UP; i++) {
            long start = System.nanoTime();
            simulation.run(RunContext.of(parameters, 42));
            alone = System.nanoTime() - start;
        }
        // The bursts' yardstick on this machine, now: 30 different runs cost about 15 of these on
        // 2 workers, 30 identical ones about 1.
        System.out.printf("%none default %s run alone, after warm-up: %.0f ms%n", simulation.id(), alone / 1e6);
        for (boolean sameSeed : new boolean[] {false, true}) {
            // A fresh runner each time, so the second burst finds no result of the first in the cache.
            SimulationRunner runner =
                    new SimulationRunner(new RunLimits(2, 64, 3, Duration.ofSeconds(60), null, List.of()));
            long start = System.nanoTime();
            List<RunHandle> handles = new ArrayList<>();
            for (int learner = 0; learner < LEARNERS; learner++) {
                long seed = sameSeed ? 42 : 42 + learner;
                handles.add(runner.submit(
                        simulation, parameters, seed, new LearnerKey("learner-" + learner), ProgressSink.NONE));
            }
            for (RunHandle handle : handles) {
                handle.result().get(120, TimeUnit.SECONDS);
            }
            System.out.printf(
                    "classroom burst: %d learners, default %s, %s, %d workers: last result after %.0f ms%n",
                    LEARNERS,
                    simulation.id(),
                    sameSeed ? "same seed" : LEARNERS + " different seeds",
                    runner.limits().workers(),
                    (System.nanoTime() - start) / 1e6);
        }
        System.exit(0);
    }
}
