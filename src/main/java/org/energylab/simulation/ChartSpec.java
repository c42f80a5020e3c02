package org.energylab.simulation;

import java.util.List;

/**
 * How a simulation wants its results charted: a title, the series drawn together (they share
 * axes), optionally a grid drawn as a heat map under them, and the axis scales.
 *
 * @param points draw every series of the chart as markers without lines
 * @param grid the name of a grid to draw as a heat map under the series, or null
 */
public record ChartSpec(String title, List<String> series, boolean points, String grid, boolean logX, boolean logY) {
    public ChartSpec {
        series = List.copyOf(series);
    }

    public ChartSpec(String title, List<String> series, boolean points) {
        this(title, series, points, null, false, false);
    }

    public static ChartSpec lines(String title, String... series) {
        return new ChartSpec(title, List.of(series), false);
    }

    public static ChartSpec scatter(String title, String... series) {
        return new ChartSpec(title, List.of(series), true);
    }

    /** A heat map of a grid, with a colour bar, and the given series (data points, paths) on top. */
    public static ChartSpec heatMap(String title, String grid, String... overlaySeries) {
        return new ChartSpec(title, List.of(overlaySeries), false, grid, false, false);
    }

    /** The same chart with a logarithmic x axis. */
    public ChartSpec withLogX() {
        return new ChartSpec(title, series, points, grid, true, logY);
    }

    /** The same chart with a logarithmic y axis. */
    public ChartSpec withLogY() {
        return new ChartSpec(title, series, points, grid, logX, true);
    }
}
