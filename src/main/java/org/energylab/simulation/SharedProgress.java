package org.energylab.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The progress of one computation, passed on to every learner waiting for it. It keeps the points
 * streamed so far, so a learner who joins a run halfway first receives what the others already
 * saw (and the latest preview of each grid), then the rest as it comes.
 */
final class SharedProgress implements ProgressSink {
    private final List<ProgressSink> sinks = new ArrayList<>();
    private final Map<String, Points> streamed = new LinkedHashMap<>();
    private final Map<String, Grid> latestGrids = new LinkedHashMap<>();
    private final boolean joinable;
    private double fraction;

    /** @param joinable whether sinks may attach after the run started (else the points are not kept) */
    SharedProgress(boolean joinable) {
        this.joinable = joinable;
    }

    /** Catches the sink up with the points so far, then passes on everything that follows. */
    synchronized void attach(ProgressSink sink) {
        streamed.forEach((name, points) -> {
            if (points.size > 0) {
                sink.append(name, Arrays.copyOf(points.xs, points.size), Arrays.copyOf(points.ys, points.size));
            }
        });
        latestGrids.forEach(sink::grid);
        if (fraction > 0) {
            sink.progress(fraction);
        }
        sinks.add(sink);
    }

    synchronized void detach(ProgressSink sink) {
        sinks.removeIf(s -> s == sink);
    }

    @Override
    public synchronized void progress(double fraction) {
        this.fraction = fraction;
        sinks.forEach(s -> s.progress(fraction));
    }

    @Override
    public synchronized void append(String series, double[] x, double[] y) {
        if (joinable) {
            streamed.computeIfAbsent(series, s -> new Points()).add(x, y);
        }
        sinks.forEach(s -> s.append(series, x, y));
    }

    @Override
    public synchronized void grid(String name, Grid grid) {
        if (joinable) {
            latestGrids.put(name, grid);
        }
        sinks.forEach(s -> s.grid(name, grid));
    }

    private static final class Points {
        double[] xs = new double[64];
        double[] ys = new double[64];
        int size;

        void add(double[] x, double[] y) {
            int needed = size + x.length;
            if (needed > xs.length) {
                int capacity = Math.max(needed, xs.length * 2);
                xs = Arrays.copyOf(xs, capacity);
                ys = Arrays.copyOf(ys, capacity);
            }
            System.arraycopy(x, 0, xs, size, x.length);
            System.arraycopy(y, 0, ys, size, y.length);
            size = needed;
        }
    }
}
