package org.energylab.simulation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.energylab.chart.Chart;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.LearnerKey;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunHandle;
import org.energylab.simulation.RunRefusedException;
import org.energylab.simulation.RunStoppedException;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.SimulationRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulation as a learner uses it: the parameter form, Run / Cancel / Reset, a progress bar,
 * charts that fill in while the server computes, and the key numbers. One panel has at most one
 * run going: Run again cancels the previous one.
 */
public class SimulationPanel extends Div {
    private static final Logger log = LoggerFactory.getLogger(SimulationPanel.class);

    /** The event the panel's element raises when Escape is pressed with the focus inside it. */
    private static final String ESCAPE_EVENT = "energylab-escape";

    /**
     * Listens for Escape on the whole document in the capture phase, before any component inside the
     * panel can stop it, and raises {@value #ESCAPE_EVENT} when the key comes from inside the panel. One
     * listener per panel element; it removes itself once the element has left the page.
     */
    private static final String ESCAPE_WATCH = """
            if (!this.$escapeWatch) {
              this.$escapeWatch = (e) => {
                if (!this.isConnected) {
                  document.removeEventListener('keydown', this.$escapeWatch, true);
                } else if (e.key === 'Escape' && !e.isComposing && e.composedPath().includes(this)) {
                  this.dispatchEvent(new CustomEvent('%s'));
                }
              };
            }
            document.addEventListener('keydown', this.$escapeWatch, true);
            """.formatted(ESCAPE_EVENT);

    private final Simulation simulation;
    private final SimulationRunner runner;
    private final Map<String, Object> overrides;
    private final ParameterForm form;
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Button reset = new Button("Reset");
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Div scalars = new Div();
    private final Div body = new Div();
    private final List<ResultChart> charts = new ArrayList<>();
    private RunHandle current;
    private boolean syncUrl;
    private int finishedRuns;

    /**
     * @param overrides parameter values that differ from the schema defaults for this placement (a
     *     lesson's sim block); Reset returns to them
     * @param linked whether to show a link to the simulation's own page
     */
    public SimulationPanel(
            Simulation simulation, SimulationRunner runner, Map<String, Object> overrides, boolean linked) {
        this.simulation = simulation;
        this.runner = runner;
        this.overrides = Map.copyOf(overrides);
        this.form = new ParameterForm(simulation, simulation.usesSeed());
        addClassName("simulation-panel");
        getElement().setAttribute("data-simulation", simulation.id());
        add(header(linked), body());
        form.setValues(overrides);
        form.validate().ifPresent(p -> charts.forEach(c -> c.clear(p)));
    }

    public Simulation simulation() {
        return simulation;
    }

    ParameterForm form() {
        return form;
    }

    /** Sets fields from text, as a lesson block or a link would, without tying the page address to them. */
    void setValues(Map<String, ?> values) {
        form.setValues(values);
        form.validate();
    }

    /**
     * Greys out the named settings for good (unknown names are ignored): they keep the values the
     * panel was built with, and Reset returns to those. An assignment locks what the teacher fixed.
     */
    public void lock(Collection<String> names) {
        names.forEach(form::lock);
    }

    /** Presses Run. */
    void run() {
        start();
    }

    /** Puts the form above the results, for a panel that has half a page's width. */
    void stackControlsAboveResults() {
        body.getStyle().set("grid-template-columns", "1fr");
    }

    /** Applies values from a shared link; the panel then keeps the page address in step with its runs. */
    public void applyLink(Map<String, List<String>> query) {
        syncUrl = true;
        query.forEach((name, values) -> {
            if (!values.isEmpty()) {
                form.setValues(Map.of(name, values.get(0)));
            }
        });
        form.validate();
    }

    /**
     * Brings the panel into view and runs it with the values the form holds, as the Run button does: a
     * lesson's "train with this loss" link sets a parameter and asks for a run.
     */
    public void runNow() {
        scrollIntoView();
        start();
    }

    public Registration addRunCompletedListener(ComponentEventListener<RunCompletedEvent> listener) {
        return addListener(RunCompletedEvent.class, listener);
    }

    private Div header(boolean linked) {
        Div header = new Div();
        header.addClassName("panel-header");
        H3 title = new H3(simulation.title());
        header.add(title);
        if (linked) {
            Anchor own = new Anchor("/simulations/" + simulation.id(), "Open on its own page");
            own.addClassName("panel-link");
            header.add(own);
        }
        header.add(new Paragraph(simulation.summary()));
        return header;
    }

    private Div body() {
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClassName("run");
        cancel.addClassName("cancel");
        reset.addClassName("reset");
        cancel.setEnabled(false);
        run.addClickListener(e -> start());
        cancel.addClickListener(e -> stop());
        shortcuts();
        reset.addClickListener(e -> {
            stop();
            form.reset(overrides);
            status.setText("");
            form.validate().ifPresent(p -> charts.forEach(c -> c.clear(p)));
        });
        Div buttons = new Div(run, cancel, reset);
        buttons.addClassName("panel-buttons");
        Span keys = new Span("Ctrl+Enter runs, Esc cancels (from anywhere in this panel).");
        keys.addClassName("shortcut-hint");
        progress.setValue(0);
        progress.addClassName("run-progress");
        progress.getElement().setAttribute("aria-label", "Progress of the run: " + simulation.title());
        status.addClassName("run-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        Div controls = new Div(form, buttons, keys, progress, status);
        controls.addClassName("panel-controls");

        scalars.addClassName("scalars");
        Div chartGrid = new Div();
        chartGrid.addClassName("chart-grid");
        for (ChartSpec spec : simulation.charts()) {
            ResultChart chart = new ResultChart(simulation, spec);
            charts.add(chart);
            chartGrid.add(chart);
        }
        Div results = new Div(scalars, chartGrid);
        results.addClassName("panel-results");
        body.add(controls, results);
        body.addClassName("panel-body");
        return body;
    }

    /**
     * Run and Cancel from the keyboard: Ctrl+Enter and Escape while the focus is anywhere in this
     * panel, so that two panels on one lesson page each answer their own keys. The keys are announced
     * by {@code aria-keyshortcuts}, shown in the buttons' tooltips and in a line under the buttons.
     */
    private void shortcuts() {
        run.addClickShortcut(Key.ENTER, KeyModifier.CONTROL)
                .listenOn(this)
                // A field being edited sends its value before the run starts.
                .resetFocusOnActiveElement();
        run.getElement().setAttribute("aria-keyshortcuts", "Control+Enter");
        run.setTooltipText("Run (Ctrl+Enter)");
        // Not a click shortcut of Cancel nor a keydown listener on the panel: the tooltip of a field or
        // button opens when it gets the focus and takes Escape on the document, in the capture phase,
        // stopping it there, so the panel never heard the first press. ESCAPE_WATCH (run on attach)
        // hears the key first and asks the panel to stop when the key comes from inside it; the
        // tooltip still closes.
        getElement().addEventListener(ESCAPE_EVENT, e -> stop());
        cancel.getElement().setAttribute("aria-keyshortcuts", "Escape");
        cancel.setTooltipText("Cancel the run (Esc)");
    }

    private void start() {
        Parameters parameters = form.validate().orElse(null);
        if (parameters == null) {
            status.setText("Fix the highlighted fields, then run again.");
            return;
        }
        stop();
        UI ui = UI.getCurrent();
        charts.forEach(c -> c.clear(parameters));
        scalars.removeAll();
        progress.setValue(0);
        RunHandle[] self = new RunHandle[1];
        ChartFeed feed = new ChartFeed(update -> ui.access(() -> {
            if (current == self[0]) {
                progress.setValue(update.fraction());
                charts.forEach(c -> {
                    c.append(update.points());
                    c.preview(update.grids());
                });
            }
        }));
        long seed = form.seed();
        try {
            current = runner.submit(simulation, parameters, seed, learner(), feed);
        } catch (RunRefusedException e) {
            status.setText(e.getMessage());
            return;
        }
        self[0] = current;
        running(true);
        status.setText("Running…");
        if (syncUrl) {
            updateAddress();
        }
        current.result()
                .whenComplete((result, error) -> ui.access(() -> finished(self[0], parameters, seed, result, error)));
    }

    private void finished(
            RunHandle handle, Parameters parameters, long seed, SimulationResult result, Throwable error) {
        if (handle != current) {
            return; // a newer run replaced this one
        }
        current = null;
        running(false);
        // Lets a page (and its tests) tell one finished run from the next.
        getElement().setAttribute("data-finished-runs", Integer.toString(++finishedRuns));
        if (error == null) {
            progress.setValue(1);
            status.setText("Done.");
            showScalars(result);
            charts.forEach(c -> c.show(result));
            fireEvent(new RunCompletedEvent(this, parameters, simulation.usesSeed() ? seed : null, result));
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RunStoppedException stopped) {
            status.setText(stopped.getMessage());
        } else {
            log.error("Run of {} failed", simulation.id(), cause);
            status.setText("The simulation failed unexpectedly. Try other parameters; the error has been logged.");
        }
    }

    private void stop() {
        if (current != null) {
            current.cancel();
            current = null;
            running(false);
            status.setText("Cancelled.");
        }
    }

    private void running(boolean running) {
        if (!running) {
            // A disabled button cannot keep the keyboard focus: it would be stranded there, so a
            // keyboard user who cancelled (or waited on Cancel) continues from Run.
            cancel.getElement().executeJs("if (document.activeElement === this) { $0.focus(); }", run.getElement());
        }
        cancel.setEnabled(running);
        progress.setIndeterminate(false);
        getElement().setAttribute("data-running", Boolean.toString(running));
    }

    private void showScalars(SimulationResult result) {
        scalars.removeAll();
        result.scalars().forEach((name, scalar) -> scalars.add(scalarView(name, scalar)));
    }

    private static Div scalarView(String name, Scalar scalar) {
        Div box = new Div();
        box.addClassName("scalar");
        box.getElement().setAttribute("data-scalar", name);
        Span label = new Span(scalar.label());
        label.addClassName("scalar-label");
        Span value = new Span(scalar.available() ? formatValue(scalar) : "not measured");
        value.addClassName("scalar-value");
        if (scalar.available()) {
            value.getElement().setAttribute("data-value", Double.toString(scalar.value()));
        }
        box.add(label, value);
        if (!scalar.note().isEmpty()) {
            Span note = new Span(scalar.note());
            note.addClassName("scalar-note");
            box.add(note);
        }
        return box;
    }

    private static String formatValue(Scalar scalar) {
        double v = scalar.value();
        String number = v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)
                ? String.format("%.3e", v)
                : String.format("%.4g", v);
        return scalar.unit().isEmpty() ? number : number + " " + scalar.unit();
    }

    private void updateAddress() {
        getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(url -> {
            String path = url.getPath();
            QueryParameters query = QueryParameters.simple(form.changedValues());
            String address = query.getParameters().isEmpty() ? path : path + "?" + query.getQueryString();
            ui.getPage().getHistory().replaceState(null, address);
        }));
    }

    /** The learner is the browser: every tab of it shares one HTTP session, so one cap and one turn. */
    private static LearnerKey learner() {
        VaadinSession session = VaadinSession.getCurrent();
        return LearnerKey.browserSession(
                session == null || session.getSession() == null
                        ? "none"
                        : session.getSession().getId());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // A run may already be going: one started by a link while the page was being built.
        getElement().setAttribute("data-running", Boolean.toString(current != null));
        getElement().executeJs(ESCAPE_WATCH);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    List<Chart> chartComponents() {
        return charts.stream().map(ResultChart::chart).toList();
    }
}
