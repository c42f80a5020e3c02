package org.energylab.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChartTextTest {
    private static final ChartAxis TIME = ChartAxis.linear("time t (s)");
    private static final ChartAxis ENERGY = ChartAxis.linear("energy (J)");

    private static double[] range(int n, double step) {
        return IntStream.range(0, n).mapToDouble(i -> i * step).toArray();
    }

    @Test
    void describesAxesRangesAndEachSeriesExtremes() {
        double[] t = {0, 1, 2, 3, 4};
        ChartConfiguration chart = new ChartConfiguration(
                "Energies",
                TIME,
                ENERGY,
                List.of(
                        ChartDataset.line("kinetic", "#000").withData(t, new double[] {0, 2, 4.5, 2, 0}),
                        ChartDataset.line("potential", "#000").withData(t, new double[] {4.5, 2.5, 0, 2.5, 4.5})));

        String text = ChartText.description(chart);

        assertThat(text)
                .contains("Horizontal axis: time t (s), from 0 to 4.")
                .contains("Vertical axis: energy (J), from 0 to 4.5.")
                .contains("kinetic (solid line, 5 points): starts at 0 and ends at 0; lowest 0 at time t (s) = 0,"
                        + " highest 4.5 at time t (s) = 2.")
                .contains("potential (dashed line, 5 points)")
                .contains("highest 4.5 at time t (s) = 0");
    }

    @Test
    void gapsAreLeftOutOfTheRangesAndCountedOut() {
        ChartConfiguration chart = new ChartConfiguration(
                "Angle",
                TIME,
                ChartAxis.logarithmic("θ (rad)"),
                List.of(ChartDataset.points("θ", "#000")
                        .withData(new double[] {0, 1, 2}, new double[] {1e-6, Double.NaN, 2e6})));

        assertThat(ChartText.description(chart))
                .contains("Vertical axis: θ (rad), logarithmic, from 1.00e-06 to 2.00e+06.")
                .contains("θ (circles, 2 points)");
    }

    @Test
    void anEmptyChartSaysThereIsNothingYet() {
        ChartConfiguration chart =
                new ChartConfiguration("Angle", TIME, ENERGY, List.of(ChartDataset.line("θ", "#000")));
        assertThat(ChartText.description(chart)).isEqualTo("No data yet: run the simulation to draw this chart.");
        assertThat(ChartText.table(chart).rows()).isEmpty();
    }

    @Test
    void seriesSharingTheirXMakeOneColumnEachAndLongSeriesAreThinned() {
        double[] t = range(1001, 0.01);
        double[] a = IntStream.range(0, 1001).mapToDouble(i -> i).toArray();
        double[] b = IntStream.range(0, 1001).mapToDouble(i -> -i).toArray();
        ChartConfiguration chart = new ChartConfiguration(
                "Energies",
                TIME,
                ENERGY,
                List.of(
                        ChartDataset.line("kinetic", "#000").withData(t, a),
                        ChartDataset.line("potential", "#000").withData(t, b)));

        ChartText.Table table = ChartText.table(chart);

        assertThat(table.headers()).containsExactly("time t (s)", "kinetic", "potential");
        assertThat(table.rows()).hasSize(ChartText.MAX_TABLE_ROWS);
        assertThat(table.rows().get(0)).containsExactly("0", "0", "0");
        // The last point is kept, so the table spans the chart's whole range.
        assertThat(table.rows().get(ChartText.MAX_TABLE_ROWS - 1)).containsExactly("10", "1000", "-1000");
        assertThat(table.caption()).isEqualTo("Energies: 100 of the 1001 points drawn, evenly spaced");
    }

    @Test
    void seriesWithTheirOwnXAreListedRowByRowWithTheirName() {
        ChartConfiguration chart = new ChartConfiguration(
                "Path",
                ChartAxis.linear("x (m)"),
                ChartAxis.linear("y (m)"),
                List.of(
                        ChartDataset.line("bob 1", "#000").withData(new double[] {0, 1}, new double[] {2, 3}),
                        ChartDataset.line("bob 2", "#000").withData(new double[] {5}, new double[] {Double.NaN})));

        ChartText.Table table = ChartText.table(chart);

        assertThat(table.headers()).containsExactly("Series", "x (m)", "y (m)");
        assertThat(table.rows())
                .containsExactly(
                        List.of("bob 1", "0", "2"), List.of("bob 1", "1", "3"), List.of("bob 2", "5", "no value"));
        assertThat(table.caption()).isEqualTo("Path: all 3 points");
    }

    @Test
    void aHeatMapBecomesACoarseGridWithItsTopRowFirst() {
        int n = 25;
        double[] xs = range(n, 1);
        double[] ys = range(n, 0.5);
        double[][] values = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                values[i][j] = i * 100 + j;
            }
        }
        values[3][4] = -7;
        ChartConfiguration chart = new ChartConfiguration(
                "Free energy",
                ChartAxis.linear("y₁"),
                ChartAxis.linear("y₂"),
                List.of(),
                new HeatMap(xs, ys, values, "F(y)"));

        ChartText.Table table = ChartText.table(chart);

        assertThat(table.headers()).hasSize(ChartText.MAX_GRID_LINES + 1);
        assertThat(table.headers().get(0)).isEqualTo("y₂ \\ y₁");
        assertThat(table.headers().get(1)).isEqualTo("0");
        assertThat(table.headers().get(ChartText.MAX_GRID_LINES)).isEqualTo("24");
        assertThat(table.rows()).hasSize(ChartText.MAX_GRID_LINES);
        // First row: the largest y (12), read left to right.
        assertThat(table.rows().get(0).subList(0, 2)).containsExactly("12", "2400");
        assertThat(table.caption()).isEqualTo("Free energy: F(y) at 10 × 10 of the 25 × 25 grid points");

        assertThat(ChartText.description(chart))
                .contains("A 25 × 25 heat map of F(y), from -7 at (4, 1.5) to 2420 at (24, 12).")
                .contains("Horizontal axis: y₁, from 0 to 24.");
    }

    @Test
    void numbersKeepThreeSignificantFigures() {
        assertThat(ChartText.format(3.14159)).isEqualTo("3.14");
        assertThat(ChartText.format(-0.000012345)).isEqualTo("-1.23e-05");
        assertThat(ChartText.format(123456)).isEqualTo("1.23e+05");
        assertThat(ChartText.format(2.0)).isEqualTo("2");
        assertThat(ChartText.format(Double.POSITIVE_INFINITY)).isEqualTo("no value");
    }

    @Test
    void sampleKeepsTheEndsAndIsEvenlySpaced() {
        assertThat(ChartText.sample(5, 10)).containsExactly(0, 1, 2, 3, 4);
        assertThat(ChartText.sample(11, 3)).containsExactly(0, 5, 10);
    }
}
