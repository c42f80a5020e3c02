package org.energylab.simulation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;

/**
 * Two runs of one simulation side by side, on the same data and seed: run A on the left, run B on
 * the right, each with its own form, heat maps and curves, so that one chart of A sits beside the same
 * chart of B. The data (see {@link Comparison#sharedParameters}) and the seed are set on A and
 * mirrored, greyed out, on B; "Run both" starts the two. Any simulation that draws a heat map can be
 * compared. The address may preset both sides: {@code ?dataset=rings&a.method=pca&b.method=kmeans}.
 */
@Route("compare/:id")
@AnonymousAllowed
public class ComparisonView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final SimulationRegistry registry;
    private final SimulationRunner runner;
    private String title = "Compare two runs";
    // The two panels of the page shown last, for tests in this package.
    SimulationPanel sideA;
    SimulationPanel sideB;

    public ComparisonView(SimulationRegistry registry, SimulationRunner runner) {
        this.registry = registry;
        this.runner = runner;
        addClassName("page");
        addClassName("comparison-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        Simulation simulation = registry.find(id)
                .filter(Comparison::comparable)
                .orElseThrow(() -> new NotFoundException("No simulation with a heat map to compare: " + id));
        title = "Compare two runs: " + simulation.title() + " · Energy Lab";
        show(simulation, event.getLocation().getQueryParameters().getParameters());
    }

    /** Builds the page for {@code simulation}, its two sides preset from the address's {@code query}. */
    void show(Simulation simulation, Map<String, List<String>> query) {
        removeAll();
        Comparison.Presets presets = Comparison.presets(query);
        SimulationPanel a = side(simulation, presets.a());
        SimulationPanel b = side(simulation, presets.b());
        sideA = a;
        sideB = b;
        List<String> shared = Comparison.sharedParameters(simulation);
        shared.forEach(b.form()::lock);
        mirror(a, b, shared);
        a.form().addChangeListener(() -> mirror(a, b, shared));

        Button runBoth = new Button("Run both", e -> {
            mirror(a, b, shared);
            a.run();
            b.run();
        });
        runBoth.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runBoth.addClassName("run-both");
        Div bar = new Div(
                runBoth,
                new Paragraph("Both runs use run A's " + String.join(" and ", labels(simulation, shared))
                        + "; every other setting is yours to choose on each side."));
        bar.addClassName("comparison-bar");
        bar.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "center");

        Div columns = new Div(column("Run A", a, "a"), column("Run B", b, "b"));
        columns.addClassName("comparison-columns");
        columns.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fit, minmax(420px, 1fr))")
                .set("gap", "var(--lumo-space-m)");
        add(
                new H2("Compare two runs: " + simulation.title()),
                new Paragraph(simulation.summary()),
                new Anchor("/simulations/" + simulation.id(), "One run on its own page"),
                bar,
                columns);
    }

    private SimulationPanel side(Simulation simulation, Map<String, String> values) {
        SimulationPanel panel = new SimulationPanel(simulation, runner, Map.of(), false);
        panel.setValues(values);
        panel.stackControlsAboveResults();
        return panel;
    }

    private static Div column(String heading, SimulationPanel panel, String side) {
        Div column = new Div(new H3(heading), panel);
        column.addClassName("comparison-side");
        column.getElement().setAttribute("data-side", side);
        column.getStyle().set("min-width", "0");
        return column;
    }

    /** Copies A's shared values onto B. */
    private static void mirror(SimulationPanel a, SimulationPanel b, List<String> shared) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String name : shared) {
            String text = a.form().text(name);
            if (text != null && !text.equals(b.form().text(name))) {
                values.put(name, text);
            }
        }
        if (!values.isEmpty()) {
            b.setValues(values);
        }
    }

    private static List<String> labels(Simulation simulation, List<String> shared) {
        return shared.stream()
                .map(name -> simulation
                        .schema()
                        .find(name)
                        .map(spec -> spec.label().toLowerCase(java.util.Locale.ROOT))
                        .orElse(name))
                .toList();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
