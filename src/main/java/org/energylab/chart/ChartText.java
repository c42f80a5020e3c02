package org.energylab.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a chart shows, in words and as a table, for learners who cannot see the canvas: a screen
 * reader reads the description; "Show as table" shows the table. Both are made from the same
 * {@link ChartConfiguration} the canvas draws, so they never disagree with it.
 */
public final class ChartText {
    /** A table of a line chart keeps at most this many rows (every k-th point of the drawn data). */
    public static final int MAX_TABLE_ROWS = 100;
    /** A heat map's table keeps at most this many rows and columns (every k-th grid line). */
    public static final int MAX_GRID_LINES = 10;

    /** A table: a caption, column headers and rows of cells, the first cell of a row being its header. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    private ChartText() {}

    /**
     * A description of the chart: the axes and their ranges, then for each data set its range of
     * values and where the largest and smallest lie, and for a heat map the range of its values and
     * where its lowest and highest cells are.
     */
    public static String description(ChartConfiguration chart) {
        List<String> sentences = new ArrayList<>();
        boolean anyData = chart.datasets().stream().anyMatch(d -> finiteCount(d) > 0);
        HeatMap map = chart.heatMap();
        if (!anyData && map == null) {
            return "No data yet: run the simulation to draw this chart.";
        }
        double[] xRange = range(chart, true);
        double[] yRange = range(chart, false);
        sentences.add(axisSentence("Horizontal axis", chart.x(), xRange));
        sentences.add(axisSentence("Vertical axis", chart.y(), yRange));
        if (map != null) {
            sentences.add(heatMapSentence(map));
        }
        int index = 0;
        for (ChartDataset d : chart.datasets()) {
            sentences.add(datasetSentence(d, chart.x(), index++));
        }
        return String.join(" ", sentences);
    }

    /**
     * The chart's data as a table. Data sets that share their x values make one column each beside
     * a common x column; otherwise each row names its data set. Either way at most {@value
     * #MAX_TABLE_ROWS} points per data set are kept, evenly spaced. A heat map alone becomes a
     * coarse grid of at most {@value #MAX_GRID_LINES} × {@value #MAX_GRID_LINES} cells.
     */
    public static Table table(ChartConfiguration chart) {
        List<ChartDataset> datasets =
                chart.datasets().stream().filter(d -> d.x().length > 0).toList();
        if (datasets.isEmpty() && chart.heatMap() != null) {
            return gridTable(chart);
        }
        String x = name(chart.x().title(), "x");
        String y = name(chart.y().title(), "y");
        if (datasets.isEmpty()) {
            return new Table(chart.title() + ": no data yet", List.of(x, y), List.of());
        }
        if (sharesX(datasets)) {
            List<String> headers = new ArrayList<>();
            headers.add(x);
            datasets.forEach(d -> headers.add(d.label()));
            int[] kept = sample(datasets.get(0).x().length, MAX_TABLE_ROWS);
            List<List<String>> rows = new ArrayList<>();
            for (int i : kept) {
                List<String> row = new ArrayList<>();
                row.add(format(datasets.get(0).x()[i]));
                datasets.forEach(d -> row.add(format(d.y()[i])));
                rows.add(row);
            }
            return new Table(caption(chart, rows.size(), datasets.get(0).x().length), headers, rows);
        }
        List<List<String>> rows = new ArrayList<>();
        int total = 0;
        for (ChartDataset d : datasets) {
            total += d.x().length;
            for (int i : sample(d.x().length, MAX_TABLE_ROWS)) {
                rows.add(List.of(d.label(), format(d.x()[i]), format(d.y()[i])));
            }
        }
        return new Table(caption(chart, rows.size(), total), List.of("Series", x, y), rows);
    }

    private static Table gridTable(ChartConfiguration chart) {
        HeatMap map = chart.heatMap();
        int[] columns = sample(map.xs().length, MAX_GRID_LINES);
        int[] rowsKept = sample(map.ys().length, MAX_GRID_LINES);
        List<String> headers = new ArrayList<>();
        headers.add(name(chart.y().title(), "y") + " \\ " + name(chart.x().title(), "x"));
        for (int j : columns) {
            headers.add(format(map.xs()[j]));
        }
        List<List<String>> rows = new ArrayList<>();
        // The top row of the picture first, as the eye reads the map.
        for (int k = rowsKept.length - 1; k >= 0; k--) {
            int i = rowsKept[k];
            List<String> row = new ArrayList<>();
            row.add(format(map.ys()[i]));
            for (int j : columns) {
                row.add(format(map.values()[i][j]));
            }
            rows.add(row);
        }
        String caption = String.format(
                Locale.ROOT,
                "%s: %s at %d × %d of the %d × %d grid points",
                chart.title(),
                map.valueTitle(),
                columns.length,
                rowsKept.length,
                map.xs().length,
                map.ys().length);
        return new Table(caption, headers, rows);
    }

    private static String caption(ChartConfiguration chart, int shown, int total) {
        return shown == total
                ? chart.title() + ": all " + total + " points"
                : String.format(
                        Locale.ROOT, "%s: %d of the %d points drawn, evenly spaced", chart.title(), shown, total);
    }

    /** Indices 0, k, 2k, ... and the last one, at most {@code max} in all. */
    static int[] sample(int n, int max) {
        if (n <= max) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] kept = new int[max];
        for (int i = 0; i < max; i++) {
            kept[i] = (int) Math.round((double) i * (n - 1) / (max - 1));
        }
        return kept;
    }

    private static boolean sharesX(List<ChartDataset> datasets) {
        double[] first = datasets.get(0).x();
        return datasets.stream().allMatch(d -> Arrays.equals(d.x(), first));
    }

    private static String axisSentence(String which, ChartAxis axis, double[] range) {
        String title = name(axis.title(), "unlabelled");
        String scale = axis.scale() == ChartAxis.Scale.LOGARITHMIC ? ", logarithmic" : "";
        if (range == null) {
            return which + ": " + title + scale + ".";
        }
        return which + ": " + title + scale + ", from " + format(range[0]) + " to " + format(range[1]) + ".";
    }

    private static String heatMapSentence(HeatMap map) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int[] low = null;
        int[] high = null;
        for (int i = 0; i < map.ys().length; i++) {
            for (int j = 0; j < map.xs().length; j++) {
                double v = map.values()[i][j];
                if (Double.isFinite(v) && v < min) {
                    min = v;
                    low = new int[] {i, j};
                }
                if (Double.isFinite(v) && v > max) {
                    max = v;
                    high = new int[] {i, j};
                }
            }
        }
        String grid = map.xs().length + " × " + map.ys().length;
        if (low == null) {
            return "A " + grid + " heat map of " + map.valueTitle() + " with no finite values.";
        }
        return "A " + grid + " heat map of " + map.valueTitle() + ", from " + format(min) + " at ("
                + format(map.xs()[low[1]]) + ", " + format(map.ys()[low[0]]) + ") to " + format(max) + " at ("
                + format(map.xs()[high[1]]) + ", " + format(map.ys()[high[0]]) + ").";
    }

    private static String datasetSentence(ChartDataset d, ChartAxis x, int index) {
        String look = d.showLine()
                ? LineStyle.of(index).description()
                : LineStyle.of(index).markerDescription();
        int n = finiteCount(d);
        if (n == 0) {
            return d.label() + " (" + look + "): no values yet.";
        }
        int low = -1;
        int high = -1;
        for (int i = 0; i < d.y().length; i++) {
            if (Double.isFinite(d.x()[i]) && Double.isFinite(d.y()[i])) {
                if (low < 0 || d.y()[i] < d.y()[low]) {
                    low = i;
                }
                if (high < 0 || d.y()[i] > d.y()[high]) {
                    high = i;
                }
            }
        }
        int first = firstFinite(d);
        int last = lastFinite(d);
        String at = name(x.title(), "x");
        return d.label() + " (" + look + ", " + n + " points): starts at " + format(d.y()[first]) + " and ends at "
                + format(d.y()[last]) + "; lowest " + format(d.y()[low]) + " at " + at + " = " + format(d.x()[low])
                + ", highest " + format(d.y()[high]) + " at " + at + " = " + format(d.x()[high]) + ".";
    }

    /** The range of the finite x (or y) values of all data sets, or of the heat map's grid; null when empty. */
    private static double[] range(ChartConfiguration chart, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartDataset d : chart.datasets()) {
            for (int i = 0; i < d.x().length; i++) {
                if (Double.isFinite(d.x()[i]) && Double.isFinite(d.y()[i])) {
                    double v = x ? d.x()[i] : d.y()[i];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (chart.heatMap() != null) {
            for (double v : x ? chart.heatMap().xs() : chart.heatMap().ys()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? null : new double[] {min, max};
    }

    private static int finiteCount(ChartDataset d) {
        int n = 0;
        for (int i = 0; i < d.x().length; i++) {
            if (Double.isFinite(d.x()[i]) && Double.isFinite(d.y()[i])) {
                n++;
            }
        }
        return n;
    }

    private static int firstFinite(ChartDataset d) {
        for (int i = 0; i < d.x().length; i++) {
            if (Double.isFinite(d.x()[i]) && Double.isFinite(d.y()[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int lastFinite(ChartDataset d) {
        for (int i = d.x().length - 1; i >= 0; i--) {
            if (Double.isFinite(d.x()[i]) && Double.isFinite(d.y()[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String name(String title, String fallback) {
        return title == null || title.isBlank() ? fallback : title;
    }

    /** Three significant figures; powers of ten for very small or large values; a gap reads "no value". */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return "no value";
        }
        double a = Math.abs(value);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        String s = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
