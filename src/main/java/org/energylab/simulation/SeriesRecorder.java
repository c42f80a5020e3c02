package org.energylab.simulation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the points of a run's series as they are computed and hands the new ones to a {@link
 * ProgressSink} in chunks, so charts fill in while the run goes on.
 */
public final class SeriesRecorder {
    private final Map<String, Track> tracks = new LinkedHashMap<>();

    /** A recorder for the given series; they are reported in this order. */
    public SeriesRecorder(java.util.List<SeriesSpec> series) {
        series.forEach(s -> tracks.put(s.name(), new Track(s.label(), s.x(), s.y())));
    }

    public void add(String name, double x, double y) {
        Track track = tracks.get(name);
        if (track == null) {
            throw new IllegalArgumentException("Undeclared series " + name);
        }
        track.add(x, y);
    }

    /** Sends every point added since the last flush. */
    public void flush(ProgressSink sink) {
        tracks.forEach((name, track) -> {
            if (track.size > track.sent) {
                sink.append(
                        name,
                        Arrays.copyOfRange(track.xs, track.sent, track.size),
                        Arrays.copyOfRange(track.ys, track.sent, track.size));
                track.sent = track.size;
            }
        });
    }

    /** The recorded series, in declaration order, leaving out those that received no point. */
    public Map<String, Series> series() {
        Map<String, Series> result = new LinkedHashMap<>();
        tracks.forEach((name, t) -> {
            if (t.size > 0) {
                result.put(
                        name, new Series(t.label, t.x, t.y, Arrays.copyOf(t.xs, t.size), Arrays.copyOf(t.ys, t.size)));
            }
        });
        return result;
    }

    private static final class Track {
        final String label;
        final Axis x;
        final Axis y;
        double[] xs = new double[256];
        double[] ys = new double[256];
        int size;
        int sent;

        Track(String label, Axis x, Axis y) {
            this.label = label;
            this.x = x;
            this.y = y;
        }

        void add(double x, double y) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = x;
            ys[size] = y;
            size++;
        }
    }
}
