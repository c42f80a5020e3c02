package org.energylab.simulation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.energylab.simulation.SimulationRegistry;

/** Every registered simulation, each linking to its own page. */
@Route("simulations")
@AnonymousAllowed
@PageTitle("Simulations · Energy Lab")
public class SimulationIndexView extends Main {

    public SimulationIndexView(SimulationRegistry registry) {
        addClassName("page");
        add(new H2("Simulations"));
        registry.all().forEach(s -> {
            Div card = new Div(new Anchor("/simulations/" + s.id(), s.title()), new Paragraph(s.summary()));
            card.addClassName("module-card");
            add(card);
        });
    }
}
