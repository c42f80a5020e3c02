package org.energylab.simulation.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Grid;
import org.energylab.simulation.ProgressSink;

/**
 * Receives a run's progress on the worker thread and passes it to the browser about ten times a
 * second: whatever arrived in between travels in one push. Points are thinned to about {@link
 * #TARGET_POINTS} per series while streaming; of a grid previewed several times in between only the
 * latest travels. The final result replaces them all at the end.
 */
final class ChartFeed implements ProgressSink {
    static final int TARGET_POINTS = 1500;
    private static final long INTERVAL_NANOS = 100_000_000L;
    /** Simulations report about this many progress steps; used to pick the thinning stride. */
    private static final int EXPECTED_CHUNKS = 100;

    /** What reaches the UI thread: new points per series, the latest preview of each grid, the fraction done. */
    record Update(double fraction, Map<String, double[][]> points, Map<String, Grid> grids) {}

    interface Listener {
        void accept(Update update);
    }

    private final Listener listener;
    private final Map<String, Buffer> buffers = new LinkedHashMap<>();
    private final Map<String, Grid> grids = new LinkedHashMap<>();
    private double fraction;
    private long lastPush = System.nanoTime() - INTERVAL_NANOS;

    ChartFeed(Listener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void progress(double fraction) {
        this.fraction = fraction;
        pushIfDue();
    }

    /** Keeps the grid for the next push, and pushes at once if the last push was long enough ago. */
    @Override
    public synchronized void grid(String name, Grid grid) {
        grids.put(name, grid);
        pushIfDue();
    }

    private void pushIfDue() {
        long now = System.nanoTime();
        if (now - lastPush >= INTERVAL_NANOS) {
            lastPush = now;
            listener.accept(drain());
        }
    }

    @Override
    public synchronized void append(String series, double[] x, double[] y) {
        Buffer buffer = buffers.computeIfAbsent(series, s -> new Buffer(strideFor(x.length)));
        for (int i = 0; i < x.length; i++) {
            boolean gap = !Double.isFinite(x[i]) || !Double.isFinite(y[i]);
            // A gap between two kept points is kept too (once per run of gaps), so the line breaks there.
            if (buffer.seen++ % buffer.stride == 0 || (gap && !buffer.lastWasGap)) {
                buffer.x.add(x[i]);
                buffer.y.add(y[i]);
                buffer.lastWasGap = gap;
            }
        }
    }

    private static int strideFor(int firstChunk) {
        return Math.max(1, (int) Math.ceil((double) firstChunk * EXPECTED_CHUNKS / TARGET_POINTS));
    }

    private Update drain() {
        Map<String, double[][]> points = new LinkedHashMap<>();
        buffers.forEach((name, b) -> {
            if (!b.x.isEmpty()) {
                points.put(name, new double[][] {unbox(b.x), unbox(b.y)});
                b.x.clear();
                b.y.clear();
            }
        });
        Map<String, Grid> previews = new LinkedHashMap<>(grids);
        grids.clear();
        return new Update(fraction, points, previews);
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static final class Buffer {
        final int stride;
        final List<Double> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        long seen;
        boolean lastWasGap;

        Buffer(int stride) {
            this.stride = stride;
        }
    }
}
