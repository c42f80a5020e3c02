package org.energylab.chart;

/** One axis of a chart: its title (quantity and unit) and scale. */
public record ChartAxis(String title, Scale scale) {
    public enum Scale {
        LINEAR,
        LOGARITHMIC
    }

    public static ChartAxis linear(String title) {
        return new ChartAxis(title, Scale.LINEAR);
    }

    public static ChartAxis logarithmic(String title) {
        return new ChartAxis(title, Scale.LOGARITHMIC);
    }
}
