package org.energylab.simulation;

import java.util.List;

/**
 * A named 2-D field, for heat maps: {@code values[i][j]} is the value at {@code (xs[j], ys[i])}. A
 * field that changes during a run (an energy surface while a network trains) also keeps {@link
 * #frames()}: snapshots on the same axes, each labelled by the step it was taken at, in order; the
 * last one is {@code values}. A grid without frames has an empty list.
 */
public record Grid(
        String label, Axis x, Axis y, Axis value, double[] xs, double[] ys, double[][] values, List<Frame> frames) {

    /** The field at one step of a run. */
    public record Frame(long step, double[][] values) {}

    public Grid {
        checkShape(values, xs, ys);
        frames = List.copyOf(frames);
        long previous = Long.MIN_VALUE;
        for (Frame frame : frames) {
            checkShape(frame.values(), xs, ys);
            if (frame.step() <= previous) {
                throw new IllegalArgumentException("frames go in increasing order of step");
            }
            previous = frame.step();
        }
    }

    /** A field with no frames. */
    public Grid(String label, Axis x, Axis y, Axis value, double[] xs, double[] ys, double[][] values) {
        this(label, x, y, value, xs, ys, values, List.of());
    }

    /** A field that changed during the run: its frames in order of step, the last one shown as {@code values}. */
    public static Grid animated(
            String label, Axis x, Axis y, Axis value, double[] xs, double[] ys, List<Frame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animated grid needs at least one frame");
        }
        return new Grid(
                label, x, y, value, xs, ys, frames.get(frames.size() - 1).values(), frames);
    }

    public boolean animated() {
        return !frames.isEmpty();
    }

    private static void checkShape(double[][] values, double[] xs, double[] ys) {
        if (values.length != ys.length) {
            throw new IllegalArgumentException("one row of values per y");
        }
        for (double[] row : values) {
            if (row.length != xs.length) {
                throw new IllegalArgumentException("one column of values per x");
            }
        }
    }
}
