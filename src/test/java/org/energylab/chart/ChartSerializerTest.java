package org.energylab.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSerializerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ChartDataset THETA =
            ChartDataset.line("θ", "#1f77b4").withData(new double[] {0, 0.5, 1}, new double[] {1, Double.NaN, -1});
    private static final ChartDataset ENSEMBLE =
            ChartDataset.points("ensemble", "rgb(255, 0, 0)").withData(new double[] {0.1}, new double[] {2.5});

    private static JsonNode roundTrip(ObjectNode node) throws Exception {
        // What the browser receives: the configuration as a JSON string.
        return JSON.readTree(node.toString());
    }

    @Test
    void oneLineDataset() throws Exception {
        ChartConfiguration chart = new ChartConfiguration(
                "Angle", ChartAxis.linear("time t (s)"), ChartAxis.linear("angle θ (rad)"), List.of(THETA));

        JsonNode json = roundTrip(ChartSerializer.toJson(chart));

        assertThat(json.path("type").asText()).isEqualTo("scatter");
        JsonNode datasets = json.path("data").path("datasets");
        assertThat(datasets.isArray()).isTrue();
        assertThat(datasets).hasSize(1);
        JsonNode dataset = datasets.get(0);
        assertThat(dataset.path("label").asText()).isEqualTo("θ");
        assertThat(dataset.path("borderColor").asText()).isEqualTo("#1f77b4");
        assertThat(dataset.path("backgroundColor").asText()).isEqualTo("#1f77b4");
        assertThat(dataset.path("showLine").isBoolean()).isTrue();
        assertThat(dataset.path("showLine").asBoolean()).isTrue();
        assertThat(dataset.path("pointRadius").asDouble()).isZero();

        JsonNode data = dataset.path("data");
        assertThat(data).hasSize(3);
        assertThat(data.get(0).path("x").isNumber()).isTrue();
        assertThat(data.get(0).path("x").asDouble()).isEqualTo(0.0);
        assertThat(data.get(0).path("y").asDouble()).isEqualTo(1.0);
        assertThat(data.get(1).path("x").asDouble()).isEqualTo(0.5);
        assertThat(data.get(1).has("y")).isTrue();
        assertThat(data.get(1).get("y").isNull()).as("NaN y is a gap: null").isTrue();
        assertThat(data.get(2).path("y").asDouble()).isEqualTo(-1.0);
        assertThat(data.get(0).size()).as("a point has exactly x and y").isEqualTo(2);

        JsonNode options = json.path("options");
        assertThat(options.path("animation").isBoolean()).isTrue();
        assertThat(options.path("animation").asBoolean()).isFalse();
        assertThat(options.path("parsing").isBoolean()).isTrue();
        assertThat(options.path("parsing").asBoolean()).isFalse();
        assertThat(options.path("plugins").path("legend").path("display").asBoolean(true))
                .as("one dataset: no legend")
                .isFalse();
        assertThat(options.path("plugins").path("title").path("display").asBoolean())
                .isTrue();
        assertThat(options.path("plugins").path("title").path("text").asText()).isEqualTo("Angle");

        JsonNode x = options.path("scales").path("x");
        JsonNode y = options.path("scales").path("y");
        assertThat(x.path("type").asText()).isEqualTo("linear");
        assertThat(x.path("title").path("display").asBoolean()).isTrue();
        assertThat(x.path("title").path("text").asText()).isEqualTo("time t (s)");
        assertThat(y.path("type").asText()).isEqualTo("linear");
        assertThat(y.path("title").path("display").asBoolean()).isTrue();
        assertThat(y.path("title").path("text").asText()).isEqualTo("angle θ (rad)");
    }

    @Test
    void severalDatasetsShowALegendAndPointsDrawNoLine() throws Exception {
        ChartConfiguration chart = new ChartConfiguration(
                "Phase portrait",
                ChartAxis.linear("angle θ (rad)"),
                ChartAxis.linear("angular velocity ω (rad/s)"),
                List.of(THETA, ENSEMBLE));

        JsonNode json = roundTrip(ChartSerializer.toJson(chart));

        assertThat(chart.showsLegend()).isTrue();
        assertThat(json.path("options")
                        .path("plugins")
                        .path("legend")
                        .path("display")
                        .asBoolean())
                .isTrue();
        JsonNode datasets = json.path("data").path("datasets");
        assertThat(datasets).hasSize(2);
        assertThat(datasets.get(0).path("label").asText()).isEqualTo("θ");
        JsonNode points = datasets.get(1);
        assertThat(points.path("label").asText()).isEqualTo("ensemble");
        assertThat(points.path("borderColor").asText()).isEqualTo("rgb(255, 0, 0)");
        assertThat(points.path("showLine").asBoolean(true)).isFalse();
        assertThat(points.path("pointRadius").asDouble()).isPositive();
        assertThat(points.path("data").get(0).path("x").asDouble()).isEqualTo(0.1);
        assertThat(points.path("data").get(0).path("y").asDouble()).isEqualTo(2.5);
    }

    @Test
    void logarithmicAxis() throws Exception {
        ChartConfiguration chart = new ChartConfiguration(
                "Drift", ChartAxis.logarithmic("time step Δt (s)"), ChartAxis.logarithmic("drift"), List.of(THETA));

        JsonNode scales =
                roundTrip(ChartSerializer.toJson(chart)).path("options").path("scales");

        assertThat(scales.path("x").path("type").asText()).isEqualTo("logarithmic");
        assertThat(scales.path("x").path("title").path("text").asText()).isEqualTo("time step Δt (s)");
        assertThat(scales.path("y").path("type").asText()).isEqualTo("logarithmic");
    }

    @Test
    void noDatasetsNoLegendAndEmptyTitleHidden() throws Exception {
        ChartConfiguration chart = new ChartConfiguration("", ChartAxis.linear("x"), ChartAxis.linear("y"), List.of());

        JsonNode json = roundTrip(ChartSerializer.toJson(chart));

        assertThat(json.path("data").path("datasets").isArray()).isTrue();
        assertThat(json.path("data").path("datasets")).isEmpty();
        assertThat(json.path("options")
                        .path("plugins")
                        .path("legend")
                        .path("display")
                        .asBoolean(true))
                .isFalse();
        assertThat(json.path("options")
                        .path("plugins")
                        .path("title")
                        .path("display")
                        .asBoolean(true))
                .isFalse();
    }

    @Test
    void pointsForAppendingAreValidJson() throws Exception {
        JsonNode points = JSON.readTree(ChartSerializer.points(
                        new double[] {1, 2, 3}, new double[] {Double.POSITIVE_INFINITY, 4, Double.NEGATIVE_INFINITY})
                .toString());

        assertThat(points).hasSize(3);
        assertThat(points.get(0).get("y").isNull()).isTrue();
        assertThat(points.get(1).get("y").asDouble()).isEqualTo(4.0);
        assertThat(points.get(2).get("y").isNull()).isTrue();
    }

    @Test
    void datasetNeedsEqualLengths() {
        assertThatThrownBy(() -> ChartDataset.line("a", "red").withData(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gapsBreakTheLine() throws Exception {
        JsonNode dataset = roundTrip(ChartSerializer.dataset(THETA));
        assertThat(dataset.path("spanGaps").isBoolean()).isTrue();
        assertThat(dataset.path("spanGaps").asBoolean(true))
                .as("a gap is not bridged")
                .isFalse();
    }

    @Test
    void aPointWithoutAFiniteXIsAGapNotDropped() throws Exception {
        JsonNode points = JSON.readTree(ChartSerializer.points(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3})
                .toString());
        assertThat(points).hasSize(3);
        assertThat(points.get(1).get("x").isNull()).isTrue();
        assertThat(points.get(1).get("y").isNull()).isTrue();
        assertThat(points.get(2).get("x").asDouble()).isEqualTo(3.0);
    }

    /** The frames of an animation share one colour scale: a given range overrides the frame's own. */
    @Test
    void aHeatMapWithAColourRangeKeepsItWhateverItsValues() throws Exception {
        double[][] flat = {{0.001, 0.002}, {0.002, 0.001}};
        HeatMap own = new HeatMap(new double[] {0, 1}, new double[] {0, 1}, flat, "F");
        HeatMap shared = new HeatMap(new double[] {0, 1}, new double[] {0, 1}, flat, "F", new double[] {0, 3});

        assertThat(roundTrip(ChartSerializer.heatMap(own)).path("max").asDouble())
                .isEqualTo(0.002);
        JsonNode json = roundTrip(ChartSerializer.heatMap(shared));
        assertThat(json.path("min").asDouble()).isZero();
        assertThat(json.path("max").asDouble()).isEqualTo(3);
        assertThatThrownBy(() -> new HeatMap(new double[] {0, 1}, new double[] {0, 1}, flat, "F", new double[] {2, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seriesDifferByDashPatternOrMarkerAsWellAsColour() {
        double[] t = {0, 1};
        ChartConfiguration chart = new ChartConfiguration(
                "Energies",
                ChartAxis.linear("t"),
                ChartAxis.linear("E"),
                List.of(
                        ChartDataset.line("a", "#000").withData(t, t),
                        ChartDataset.line("b", "#111").withData(t, t),
                        ChartDataset.points("c", "#222").withData(t, t)));

        JsonNode datasets = ChartSerializer.toJson(chart).path("data").path("datasets");

        assertThat(datasets.get(0).has("borderDash"))
                .as("the first line is solid")
                .isFalse();
        assertThat(datasets.get(1).path("borderDash").toString()).isEqualTo("[8,4]");
        assertThat(datasets.get(1).path("pointStyle").asText())
                .as("the legend draws a line as a line")
                .isEqualTo("line");
        assertThat(datasets.get(2).path("pointStyle").asText()).isEqualTo("rect");
        assertThat(datasets.get(2).path("pointBorderWidth").asInt()).isEqualTo(1);
        assertThat(LineStyle.of(6)).isEqualTo(LineStyle.of(0));
        JsonNode labels = ChartSerializer.toJson(chart)
                .path("options")
                .path("plugins")
                .path("legend")
                .path("labels");
        assertThat(labels.path("usePointStyle").asBoolean()).isTrue();
    }
}
