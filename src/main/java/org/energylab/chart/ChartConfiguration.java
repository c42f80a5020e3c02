package org.energylab.chart;

import java.util.List;

/**
 * A chart in plain Java: a title, two axes with titles, data sets and, optionally, a heat map drawn
 * under them. The legend shows whenever there is more than one data set. {@link ChartSerializer}
 * turns it into a Chart.js configuration.
 */
public record ChartConfiguration(String title, ChartAxis x, ChartAxis y, List<ChartDataset> datasets, HeatMap heatMap) {
    public ChartConfiguration {
        datasets = List.copyOf(datasets);
    }

    public ChartConfiguration(String title, ChartAxis x, ChartAxis y, List<ChartDataset> datasets) {
        this(title, x, y, datasets, null);
    }

    public boolean showsLegend() {
        return datasets.size() > 1;
    }
}
