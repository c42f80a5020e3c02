package org.energylab.chart;

import java.util.List;

/**
 * A chart in plain Java: a title, two axes with titles, and data sets. The legend shows whenever
 * there is more than one data set. {@link ChartSerializer} turns it into a Chart.js configuration.
 */
public record ChartConfiguration(String title, ChartAxis x, ChartAxis y, List<ChartDataset> datasets) {
    public ChartConfiguration {
        datasets = List.copyOf(datasets);
    }

    public boolean showsLegend() {
        return datasets.size() > 1;
    }
}
