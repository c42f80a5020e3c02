package org.energylab.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ChartConfiguration} as the JSON configuration Chart.js 4 expects: scatter-type
 * charts with linear or logarithmic axes, {@code parsing: false} data of {x, y} points, no
 * animation (the data streams in), axis titles always on.
 */
public final class ChartSerializer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartSerializer() {}

    public static ObjectNode toJson(ChartConfiguration chart) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "scatter");
        ArrayNode datasets = root.putObject("data").putArray("datasets");
        chart.datasets().forEach(d -> datasets.add(dataset(d)));

        ObjectNode options = root.putObject("options");
        options.put("animation", false);
        options.put("parsing", false);
        options.put("normalized", true);
        options.put("maintainAspectRatio", false);
        ObjectNode plugins = options.putObject("plugins");
        ObjectNode title = plugins.putObject("title");
        title.put("display", chart.title() != null && !chart.title().isEmpty());
        title.put("text", chart.title());
        plugins.putObject("legend").put("display", chart.showsLegend());
        ObjectNode scales = options.putObject("scales");
        scales.set("x", axis(chart.x()));
        scales.set("y", axis(chart.y()));
        return root;
    }

    public static ObjectNode dataset(ChartDataset d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("label", d.label());
        node.put("borderColor", d.color());
        node.put("backgroundColor", d.color());
        node.put("showLine", d.showLine());
        node.put("pointRadius", d.showLine() ? 0 : 1.5);
        node.put("borderWidth", d.showLine() ? 1.5 : 0);
        node.set("data", points(d.x(), d.y()));
        return node;
    }

    /** Points as Chart.js reads them without parsing: [{"x": .., "y": ..}, ...]. Non-finite values become gaps. */
    public static ArrayNode points(double[] x, double[] y) {
        ArrayNode data = JSON.createArrayNode();
        for (int i = 0; i < x.length; i++) {
            ObjectNode point = data.addObject();
            point.put("x", x[i]);
            if (Double.isFinite(y[i]) && Double.isFinite(x[i])) {
                point.put("y", y[i]);
            } else {
                point.putNull("y");
            }
        }
        return data;
    }

    private static ObjectNode axis(ChartAxis axis) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", axis.scale() == ChartAxis.Scale.LOGARITHMIC ? "logarithmic" : "linear");
        ObjectNode title = node.putObject("title");
        title.put("display", true);
        title.put("text", axis.title());
        return node;
    }
}
