package org.energylab.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * A Chart.js chart as a Vaadin component. The configuration lives on the server; data can be
 * appended while a run goes on. Changes made during one server round trip reach the browser in one
 * batch, before the response.
 */
@Tag("div")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./components/chartjs/chart-connector.ts")
public class Chart extends Component implements HasSize, HasStyle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartConfiguration configuration;
    private boolean configurationChanged = true;
    private final List<Object[]> pendingAppends = new ArrayList<>();
    private boolean flushScheduled;

    public Chart(ChartConfiguration configuration) {
        this.configuration = configuration;
        addClassName("energylab-chart");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", configuration.title());
    }

    public ChartConfiguration getConfiguration() {
        return configuration;
    }

    /** Replaces the whole chart, data included. */
    public void setConfiguration(ChartConfiguration configuration) {
        this.configuration = configuration;
        getElement().setAttribute("aria-label", configuration.title());
        configurationChanged = true;
        pendingAppends.clear();
        scheduleFlush();
    }

    /** Adds points to the end of a data set, in the browser only: the server keeps no copy. */
    public void append(int dataset, double[] x, double[] y) {
        if (x.length == 0) {
            return;
        }
        pendingAppends.add(new Object[] {dataset, ChartSerializer.points(x, y)});
        scheduleFlush();
    }

    /** Asks the browser to save the chart as a PNG file. */
    public void downloadPng(String fileName) {
        getElement().executeJs("window.Vaadin.Flow.energylabChart.downloadPng(this, $0)", fileName);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        configurationChanged = true;
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        getElement().getNode().runWhenAttached(ui -> ui.beforeClientResponse(this, context -> flush()));
    }

    private void flush() {
        flushScheduled = false;
        if (configurationChanged) {
            configurationChanged = false;
            getElement()
                    .executeJs(
                            "window.Vaadin.Flow.energylabChart.render(this, $0)",
                            ChartSerializer.toJson(configuration).toString());
        }
        if (!pendingAppends.isEmpty()) {
            ArrayNode batch = JSON.createArrayNode();
            for (Object[] append : pendingAppends) {
                ArrayNode entry = batch.addArray();
                entry.add((Integer) append[0]);
                entry.add((ArrayNode) append[1]);
            }
            pendingAppends.clear();
            getElement().executeJs("window.Vaadin.Flow.energylabChart.append(this, $0)", batch.toString());
        }
    }
}
