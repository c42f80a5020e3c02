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
        for (int i = 0; i < chart.datasets().size(); i++) {
            datasets.add(dataset(chart.datasets().get(i), LineStyle.of(i)));
        }

        ObjectNode options = root.putObject("options");
        options.put("animation", false);
        options.put("parsing", false);
        options.put("normalized", true);
        options.put("maintainAspectRatio", false);
        ObjectNode plugins = options.putObject("plugins");
        ObjectNode title = plugins.putObject("title");
        title.put("display", chart.title() != null && !chart.title().isEmpty());
        title.put("text", chart.title());
        ObjectNode legend = plugins.putObject("legend");
        legend.put("display", chart.showsLegend());
        // The legend draws each series as it looks: a line with its dash pattern, or its marker.
        legend.putObject("labels").put("usePointStyle", true).put("pointStyleWidth", 36);
        ObjectNode scales = options.putObject("scales");
        scales.set("x", axis(chart.x()));
        scales.set("y", axis(chart.y()));
        if (chart.heatMap() != null) {
            plugins.set("heatmap", heatMap(chart.heatMap()));
            // Room on the right for the colour bar, and axes that end where the grid ends.
            options.putObject("layout").putObject("padding").put("right", 84);
            HeatMap map = chart.heatMap();
            double[] xEdges = edges(map.xs());
            double[] yEdges = edges(map.ys());
            ((ObjectNode) scales.get("x")).put("min", xEdges[0]).put("max", xEdges[1]);
            ((ObjectNode) scales.get("y")).put("min", yEdges[0]).put("max", yEdges[1]);
        }
        return root;
    }

    /** The grid for the connector's heat-map plugin: centres, values row by row, colour range. */
    static ObjectNode heatMap(HeatMap map) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode xs = node.putArray("x");
        for (double x : map.xs()) {
            xs.add(x);
        }
        ArrayNode ys = node.putArray("y");
        for (double y : map.ys()) {
            ys.add(y);
        }
        ArrayNode rows = node.putArray("values");
        for (double[] row : map.values()) {
            ArrayNode out = rows.addArray();
            for (double v : row) {
                if (Double.isFinite(v)) {
                    out.add(v);
                } else {
                    out.addNull();
                }
            }
        }
        double[] range = map.range();
        node.put("min", range[0]);
        node.put("max", range[1]);
        node.put("title", map.valueTitle());
        return node;
    }

    /** The outer edges of cells centred on sorted grid points. */
    private static double[] edges(double[] centres) {
        if (centres.length == 1) {
            return new double[] {centres[0] - 0.5, centres[0] + 0.5};
        }
        int n = centres.length;
        return new double[] {
            centres[0] - (centres[1] - centres[0]) / 2, centres[n - 1] + (centres[n - 1] - centres[n - 2]) / 2
        };
    }

    public static ObjectNode dataset(ChartDataset d) {
        return dataset(d, LineStyle.of(0));
    }

    /** A data set drawn in {@code style}: its dash pattern for a line, its marker shape for points. */
    public static ObjectNode dataset(ChartDataset d, LineStyle style) {
        ObjectNode node = JSON.createObjectNode();
        node.put("label", d.label());
        node.put("borderColor", d.color());
        node.put("backgroundColor", d.color());
        node.put("showLine", d.showLine());
        node.put("pointRadius", d.showLine() ? 0 : style.marker().equals("circle") ? 1.5 : 2.5);
        // A line's width; for markers (no line drawn) the outline of their legend entry.
        node.put("borderWidth", d.showLine() ? 1.5 : 1);
        // Series differ by dash pattern or marker shape as well as by colour.
        node.put("pointStyle", d.showLine() ? "line" : style.marker());
        // Crosses and stars are drawn by their outline only.
        node.put("pointBorderWidth", d.showLine() ? 0 : 1);
        if (d.showLine() && !style.dash().isEmpty()) {
            ArrayNode dash = node.putArray("borderDash");
            style.dash().forEach(dash::add);
        }
        // A point without a value is a gap: the line stops there rather than joining its neighbours.
        node.put("spanGaps", false);
        if (d.filled()) {
            node.put("fill", "origin");
            node.put("backgroundColor", d.color() + "40");
        }
        node.set("data", points(d.x(), d.y()));
        return node;
    }

    /**
     * Points as Chart.js reads them without parsing: [{"x": .., "y": ..}, ...]. A non-finite value
     * becomes null, which Chart.js skips, breaking the line there ({@code spanGaps: false}). A point
     * whose x is not finite keeps no y either.
     */
    public static ArrayNode points(double[] x, double[] y) {
        ArrayNode data = JSON.createArrayNode();
        for (int i = 0; i < x.length; i++) {
            ObjectNode point = data.addObject();
            if (Double.isFinite(x[i])) {
                point.put("x", x[i]);
            } else {
                point.putNull("x");
            }
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
