package org.energylab.simulation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;

/** A simulation on its own page, with every parameter; the address carries the parameters. */
@Route("simulations/:id")
@AnonymousAllowed
public class SimulationView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final SimulationRegistry registry;
    private final SimulationRunner runner;
    private String title = "Simulation";

    public SimulationView(SimulationRegistry registry, SimulationRunner runner) {
        this.registry = registry;
        this.runner = runner;
        addClassName("page");
        addClassName("simulation-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        Simulation simulation = registry.find(id).orElseThrow(() -> new NotFoundException("No simulation " + id));
        title = simulation.title() + " · Energy Lab";
        removeAll();
        SimulationPanel panel = new SimulationPanel(simulation, runner, Map.of(), false);
        panel.applyLink(event.getLocation().getQueryParameters().getParameters());
        add(panel);
        if (Comparison.comparable(simulation)) {
            Anchor compare = new Anchor(Comparison.address(simulation), "Compare two runs side by side");
            compare.addClassName("compare-link");
            add(compare);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
