package org.energylab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.NativeMemory;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;

/**
 * Measures every simulation at a few sizes chosen to separate the terms of its cost model, prints
 * measured against estimated time and memory, and fits the constants again (least squares on the
 * relative error, constants kept non-negative), printed as the array to paste into the
 * simulation's cost class. The fit uses the CPU time of the thread that runs the simulation, which
 * other load on the machine inflates far less than the wall-clock time (printed beside it); still,
 * run it on a quiet machine:
 * {@code OMP_NUM_THREADS=1 mvn -q test-compile exec:java -Dexec.mainClass=org.energylab.bench.CostCalibration
 * -Dexec.classpathScope=test [-Dexec.args="backprop-lagrangian pendulum"]}.
 *
 * <p>Memory is the peak growth of the resident size during the run, sampled every few
 * milliseconds: it includes the arrays ND4J has not freed yet because the collector has not run,
 * so it is an upper bound of what the run holds at once, which is what the estimate counts.
 */
public final class CostCalibration {

    public static void main(String[] args) throws Exception {
        NativeMemory.applyDefaultLimits();
        Nd4jRuntime.ensureStarted();
        Set<String> only = Set.of(args);
        System.out.printf(
                "%-22s %-70s %9s %9s %9s %6s %9s %9s%n",
                "simulation", "parameters", "wall", "CPU", "estimate", "ratio", "peak MB", "est. MB");
        for (Simulation simulation : SimulationClasses.instantiateAll()) {
            if (!only.isEmpty() && !only.contains(simulation.id())) {
                continue;
            }
            calibrate(simulation, CalibrationConfigs.of(simulation.id()));
        }
        System.exit(0);
    }

    private static void calibrate(Simulation simulation, List<Map<String, Object>> configs) throws Exception {
        CostModel model = simulation.costModel();
        List<double[]> work = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        // Warm up the JIT and ND4J on the defaults first.
        simulation.run(RunContext.of(simulation.schema().defaults(), 1));
        for (Map<String, Object> overrides : configs) {
            Parameters parameters = simulation.schema().validate(overrides);
            Measurement measured = measure(simulation, parameters);
            Cost estimate = model.estimate(parameters);
            System.out.printf(
                    "%-22s %-70s %8.2fs %8.2fs %8.2fs %6.2f %9.0f %9.0f%n",
                    simulation.id(),
                    overrides.isEmpty() ? "defaults" : overrides.toString(),
                    measured.wallSeconds(),
                    measured.seconds(),
                    estimate.seconds(),
                    measured.seconds() / estimate.seconds(),
                    measured.peakBytes() / (double) Cost.MEGABYTE,
                    estimate.megabytes());
            work.add(model.work(parameters));
            seconds.add(measured.seconds());
        }
        double[] fitted = fit(work, seconds);
        StringBuilder constants = new StringBuilder();
        for (int i = 0; i < fitted.length; i++) {
            constants.append(i == 0 ? "" : ", ").append(String.format("%.2e", fitted[i]));
        }
        System.out.printf(
                "%-22s fitted SECONDS_PER_UNIT = {%s}  (terms %s; now %s)%n%n",
                simulation.id(), constants, model.terms(), Arrays.toString(model.secondsPerUnit()));
    }

    /** CPU time of the running thread (what the machine's other load does not inflate), wall-clock time, peak growth. */
    record Measurement(double seconds, double wallSeconds, long peakBytes) {}

    /** One run's wall-clock time and the peak growth of the resident size, after a collection. */
    static Measurement measure(Simulation simulation, Parameters parameters) throws InterruptedException {
        System.gc();
        NativeMemory.trim();
        Thread.sleep(200);
        long baseline = NativeMemory.snapshot().residentBytes();
        long[] peak = {baseline};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], NativeMemory.snapshot().residentBytes());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        simulation.run(RunContext.of(parameters, 42));
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        return new Measurement(cpu, wall, Math.max(0, peak[0] - baseline));
    }

    /**
     * Least squares of Σ c_j w_ij ≈ t_i on relative errors (each row divided by t_i), dropping any
     * term whose constant comes out negative and fitting again; a dropped term keeps constant 0.
     */
    static double[] fit(List<double[]> work, List<Double> seconds) {
        int terms = work.get(0).length;
        boolean[] active = new boolean[terms];
        Arrays.fill(active, true);
        for (int round = 0; round <= terms; round++) {
            double[] c = solve(work, seconds, active);
            boolean changed = false;
            for (int j = 0; j < terms; j++) {
                if (active[j] && !(c[j] >= 0)) {
                    active[j] = false;
                    changed = true;
                }
            }
            if (!changed) {
                return c;
            }
        }
        return new double[terms];
    }

    private static double[] solve(List<double[]> work, List<Double> seconds, boolean[] active) {
        int terms = active.length;
        double[][] normal = new double[terms][terms];
        double[] right = new double[terms];
        for (int i = 0; i < work.size(); i++) {
            double weight = 1 / seconds.get(i);
            double[] row = work.get(i);
            for (int j = 0; j < terms; j++) {
                if (!active[j]) {
                    continue;
                }
                right[j] += row[j] * weight * weight * seconds.get(i);
                for (int k = 0; k < terms; k++) {
                    if (active[k]) {
                        normal[j][k] += row[j] * row[k] * weight * weight;
                    }
                }
            }
        }
        for (int j = 0; j < terms; j++) {
            if (!active[j] || normal[j][j] == 0) {
                Arrays.fill(normal[j], 0);
                normal[j][j] = 1;
                right[j] = 0;
                for (int k = 0; k < terms; k++) {
                    if (k != j) {
                        normal[k][j] = 0;
                    }
                }
            }
        }
        return gauss(normal, right);
    }

    /** Gaussian elimination with partial pivoting, after scaling the columns to unit diagonal. */
    private static double[] gauss(double[][] a, double[] b) {
        int n = b.length;
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            scale[j] = 1 / Math.sqrt(a[j][j]);
        }
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a[i][j] * scale[i] * scale[j];
            }
            m[i][n] = b[i] * scale[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != col && m[col][col] != 0) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k <= n; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i] * scale[i];
        }
        return x;
    }
}
