package org.energylab.simulation;

import java.util.List;

/**
 * How a simulation wants its series charted: a title and the series drawn together. Series on one
 * chart share their axes. {@code points} draws markers without lines (scatter plots, ensembles).
 */
public record ChartSpec(String title, List<String> series, boolean points) {
    public ChartSpec {
        series = List.copyOf(series);
    }

    public static ChartSpec lines(String title, String... series) {
        return new ChartSpec(title, List.of(series), false);
    }

    public static ChartSpec scatter(String title, String... series) {
        return new ChartSpec(title, List.of(series), true);
    }
}
