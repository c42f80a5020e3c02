package org.energylab.simulation;

/**
 * A series a simulation produces: its name, legend label, what each axis measures, and how it is
 * drawn: a curve, separate points (data, a cloud of ensemble members), or a curve filled down to
 * y = 0 (a shaded region; leave y NaN where there is nothing to shade).
 */
public record SeriesSpec(String name, String label, Axis x, Axis y, Style style) {
    public enum Style {
        LINE,
        POINTS,
        FILLED
    }

    public SeriesSpec(String name, String label, Axis x, Axis y) {
        this(name, label, x, y, Style.LINE);
    }

    /** The same series, drawn as points. */
    public SeriesSpec asPoints() {
        return new SeriesSpec(name, label, x, y, Style.POINTS);
    }

    /** The same series, drawn as a region filled down to zero. */
    public SeriesSpec asFilled() {
        return new SeriesSpec(name, label, x, y, Style.FILLED);
    }

    public boolean points() {
        return style == Style.POINTS;
    }
}
