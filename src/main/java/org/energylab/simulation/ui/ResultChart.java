package org.energylab.simulation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.energylab.chart.Chart;
import org.energylab.chart.ChartAxis;
import org.energylab.chart.ChartConfiguration;
import org.energylab.chart.ChartDataset;
import org.energylab.chart.ChartTableView;
import org.energylab.chart.ChartText;
import org.energylab.chart.HeatMap;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.Grid;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.Series;
import org.energylab.simulation.SeriesSpec;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationResult;

/**
 * One chart of a panel with its PNG and CSV buttons; it knows which series it draws. For learners
 * who cannot see the canvas it carries a text description (read by screen readers) and a "Show as
 * table" toggle, both made from the data the chart draws.
 */
final class ResultChart extends Div {
    private static final AtomicLong IDS = new AtomicLong();
    private static final String[] PALETTE = {"#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2"};
    private static final int MAX_CHART_POINTS = 2000;

    private final Simulation simulation;
    private final ChartSpec spec;
    private final Chart chart;
    private final Anchor csv = new Anchor();
    private final Paragraph description = new Paragraph();
    private final Button tableToggle = new Button("Show as table");
    private final ChartTableView table = new ChartTableView();
    private final FramePlayer player = new FramePlayer(this::showFrame);
    private List<String> drawn = List.of();
    private SimulationResult last;
    /**
     * For a heat-map chart, the points streamed since the run began, one list of chunks per drawn
     * series: a preview of the grid redraws the chart, and with it these points.
     */
    private final List<List<double[][]>> streamed = new ArrayList<>();

    ResultChart(Simulation simulation, ChartSpec spec) {
        this.simulation = simulation;
        this.spec = spec;
        addClassName("result-chart");
        getElement().setAttribute("data-chart", spec.title());
        chart = new Chart(configuration(List.of(), null));
        chart.addClassName("chart-canvas");
        long id = IDS.incrementAndGet();
        description.setId("chart-description-" + id);
        description.addClassName("chart-description");
        // Hidden from sight and from the reading order, but still read as the chart's description
        // (an attribute rather than setVisible, which would stop its text reaching the browser).
        description.getElement().setAttribute("hidden", true);
        chart.getElement().setAttribute("aria-describedby", description.getId().orElseThrow());
        table.setId("chart-table-" + id);
        table.setVisible(false);
        tableToggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        tableToggle.addClassName("chart-table-toggle");
        tableToggle.getElement().setAttribute("aria-controls", table.getId().orElseThrow());
        tableToggle.getElement().setAttribute("aria-expanded", "false");
        tableToggle.addClickListener(e -> showTable(!table.isVisible()));
        Button png = new Button("PNG", e -> chart.downloadPng(fileName() + ".png"));
        png.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        png.addClassName("export-png");
        csv.setText("CSV");
        csv.addClassName("export-csv");
        csv.setEnabled(false);
        csv.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csvText().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName() + ".csv", "text/csv", bytes.length);
        }));
        Div tools = new Div(png, csv, tableToggle);
        tools.addClassName("chart-tools");
        add(chart, description, player, tools, table);
        describe();
    }

    /** Shows or hides the data table, which follows the chart while it is shown. */
    void showTable(boolean shown) {
        table.setVisible(shown);
        tableToggle.setText(shown ? "Hide table" : "Show as table");
        tableToggle.getElement().setAttribute("aria-expanded", Boolean.toString(shown));
        if (shown) {
            table.show(ChartText.table(chart.getConfiguration()));
        }
    }

    /** Draws {@code configuration} and brings the description (and the table, if shown) up to date. */
    private void draw(ChartConfiguration configuration) {
        chart.setConfiguration(configuration);
        describe();
        if (table.isVisible()) {
            table.show(ChartText.table(configuration));
        }
    }

    private void describe() {
        description.setText(ChartText.description(chart.getConfiguration()));
    }

    /** The text a screen reader reads for this chart, for tests. */
    String descriptionText() {
        return description.getText();
    }

    FramePlayer player() {
        return player;
    }

    Chart chart() {
        return chart;
    }

    /** Empties the chart, ready for the series a run with these parameters will stream. */
    void clear(Parameters parameters) {
        last = null;
        csv.setEnabled(false);
        player.setFrames(List.of());
        List<String> coming = simulation.seriesFor(parameters);
        drawn = spec.series().stream().filter(coming::contains).toList();
        streamed.clear();
        drawn.forEach(name -> streamed.add(new ArrayList<>()));
        getElement().removeAttribute("data-preview");
        draw(configuration(drawn, null));
        setVisible(!drawn.isEmpty() || spec.grid() != null);
    }

    /** Streams new points: each series in this chart appends to its data set. */
    void append(Map<String, double[][]> points) {
        for (int i = 0; i < drawn.size(); i++) {
            double[][] xy = points.get(drawn.get(i));
            if (xy != null) {
                chart.append(i, xy[0], xy[1]);
                if (spec.grid() != null && i < streamed.size()) {
                    streamed.get(i).add(xy);
                }
            }
        }
    }

    /**
     * Draws a preview of this chart's grid as the run has it now, under the points streamed so far;
     * ignored once the result is shown, and by charts without a grid.
     */
    void preview(Map<String, Grid> grids) {
        Grid grid = spec.grid() == null || last != null ? null : grids.get(spec.grid());
        if (grid == null) {
            return;
        }
        List<ChartDataset> datasets = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            ChartDataset dataset = dataset(seriesSpec(drawn.get(i)), PALETTE[i % PALETTE.length], null);
            double[][] xy = i < streamed.size() ? joined(streamed.get(i)) : new double[][] {{}, {}};
            datasets.add(xy[0].length == 0 ? dataset : dataset.withData(xy[0], xy[1]));
        }
        draw(configuration(
                datasets,
                grid,
                new HeatMap(grid.xs(), grid.ys(), grid.values(), grid.value().title())));
        getElement().setAttribute("data-preview", "true");
    }

    private static double[][] joined(List<double[][]> chunks) {
        int n = chunks.stream().mapToInt(c -> c[0].length).sum();
        double[] x = new double[n];
        double[] y = new double[n];
        int at = 0;
        for (double[][] c : chunks) {
            System.arraycopy(c[0], 0, x, at, c[0].length);
            System.arraycopy(c[1], 0, y, at, c[1].length);
            at += c[0].length;
        }
        return new double[][] {x, y};
    }

    /** Draws the final result, thinned to at most {@value #MAX_CHART_POINTS} points per series. */
    void show(SimulationResult result) {
        last = result;
        streamed.clear();
        getElement().removeAttribute("data-preview");
        drawn = spec.series().stream().filter(result.series()::containsKey).toList();
        draw(configuration(drawn, result, -1));
        Grid grid = spec.grid() == null ? null : result.grids().get(spec.grid());
        // A grid with frames is played back; the player starts on the last frame, the one just drawn.
        player.setFrames(
                grid == null
                        ? List.of()
                        : grid.frames().stream().map(Grid.Frame::step).toList());
        // A chart this run has nothing for (an option left off) is hidden rather than shown empty.
        setVisible(!drawn.isEmpty() || (spec.grid() != null && result.grids().containsKey(spec.grid())));
        csv.setEnabled(
                !drawn.isEmpty() || (spec.grid() != null && result.grids().containsKey(spec.grid())));
    }

    /** Draws frame {@code index} of the result's grid under the same series. */
    private void showFrame(int index) {
        if (last != null) {
            draw(configuration(drawn, last, index));
        }
    }

    private ChartConfiguration configuration(List<String> names, SimulationResult result) {
        return configuration(names, result, -1);
    }

    /** The chart with the result's grid as it is at {@code frame}, or as its final values when frame < 0. */
    private ChartConfiguration configuration(List<String> names, SimulationResult result, int frame) {
        List<ChartDataset> datasets = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            datasets.add(dataset(seriesSpec(names.get(i)), PALETTE[i % PALETTE.length], result));
        }
        Grid grid =
                spec.grid() == null || result == null ? null : result.grids().get(spec.grid());
        double[][] values = grid == null
                ? null
                : frame >= 0 && frame < grid.frames().size()
                        ? grid.frames().get(frame).values()
                        : grid.values();
        HeatMap heatMap = grid == null
                ? null
                : new HeatMap(grid.xs(), grid.ys(), values, grid.value().title(), sharedRange(grid));
        return configuration(datasets, grid, heatMap);
    }

    /** The chart of these data sets over the heat map, if any, with the grid's axes or else the first series'. */
    private ChartConfiguration configuration(List<ChartDataset> datasets, Grid grid, HeatMap heatMap) {
        SeriesSpec first = drawn.isEmpty() ? null : seriesSpec(drawn.get(0));
        String x =
                grid != null ? grid.x().title() : first == null ? "" : first.x().title();
        String y =
                grid != null ? grid.y().title() : first == null ? "" : first.y().title();
        return new ChartConfiguration(
                spec.title(),
                spec.logX() ? ChartAxis.logarithmic(x) : ChartAxis.linear(x),
                spec.logY() ? ChartAxis.logarithmic(y) : ChartAxis.linear(y),
                datasets,
                heatMap);
    }

    /** For a grid with frames, one colour scale over all of them, so that a surface flattening looks flat. */
    private static double[] sharedRange(Grid grid) {
        if (!grid.animated()) {
            return null;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Grid.Frame frame : grid.frames()) {
            double[] range = HeatMap.finiteRange(frame.values());
            min = Math.min(min, range[0]);
            max = Math.max(max, range[1]);
        }
        return new double[] {min, max};
    }

    private ChartDataset dataset(SeriesSpec s, String color, SimulationResult result) {
        ChartDataset dataset =
                switch (s.style()) {
                    case POINTS -> ChartDataset.points(s.label(), color);
                    case FILLED -> ChartDataset.filledLine(s.label(), color);
                    case LINE ->
                        spec.points() ? ChartDataset.points(s.label(), color) : ChartDataset.line(s.label(), color);
                };
        if (result == null) {
            return dataset;
        }
        Series series = result.series(s.name());
        int stride = Math.max(1, (series.size() + MAX_CHART_POINTS - 1) / MAX_CHART_POINTS);
        double[][] thinned = thin(series.xs(), series.ys(), stride);
        return dataset.withData(thinned[0], thinned[1]);
    }

    private SeriesSpec seriesSpec(String name) {
        return simulation.series().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(simulation.id() + " charts an undeclared series " + name));
    }

    /**
     * The first point of every window of {@code stride} points. A window that holds a gap (a NaN or
     * infinite value) yields a gap, so thinning never draws a line across a place the run could not
     * compute.
     */
    static double[][] thin(double[] xs, double[] ys, int stride) {
        if (stride == 1) {
            return new double[][] {xs, ys};
        }
        int n = (xs.length + stride - 1) / stride;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int start = i * stride;
            x[i] = xs[start];
            y[i] = ys[start];
            for (int j = start; j < Math.min(xs.length, start + stride); j++) {
                if (!Double.isFinite(xs[j]) || !Double.isFinite(ys[j])) {
                    y[i] = Double.NaN;
                    break;
                }
            }
        }
        return new double[][] {x, y};
    }

    /** A grid as rows of x, y, value. */
    private static String gridCsv(Grid grid) {
        StringBuilder out = new StringBuilder();
        out.append("# ")
                .append(grid.label())
                .append(": ")
                .append(grid.value().title())
                .append('\n');
        out.append("x,y,value\n");
        for (int i = 0; i < grid.ys().length; i++) {
            for (int j = 0; j < grid.xs().length; j++) {
                out.append(grid.xs()[j])
                        .append(',')
                        .append(grid.ys()[i])
                        .append(',')
                        .append(grid.values()[i][j])
                        .append('\n');
            }
        }
        return out.toString();
    }

    private String fileName() {
        return simulation.id() + "-" + spec.title().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** The chart's series at full resolution, one row per point: series, x, y. */
    private String csvText() {
        if (last == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String name : drawn) {
            Series s = last.series(name);
            out.append("# ")
                    .append(name)
                    .append(": ")
                    .append(s.y().title())
                    .append(" against ")
                    .append(s.x().title())
                    .append('\n');
        }
        if (spec.grid() != null && last.grids().containsKey(spec.grid())) {
            return gridCsv(last.grids().get(spec.grid()));
        }
        out.append("series,x,y\n");
        for (String name : drawn) {
            Series s = last.series(name);
            for (int i = 0; i < s.size(); i++) {
                out.append(name)
                        .append(',')
                        .append(s.xs()[i])
                        .append(',')
                        .append(s.ys()[i])
                        .append('\n');
            }
        }
        return out.toString();
    }
}
