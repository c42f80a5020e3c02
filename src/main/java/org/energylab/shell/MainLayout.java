package org.energylab.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.CourseModule;
import org.energylab.simulation.SimulationRegistry;

/**
 * The frame of every page: the product name in the header and a navigation built from the course
 * and the simulation registry, so a new lesson or simulation appears here without wiring.
 */
@Layout
public class MainLayout extends AppLayout {

    public MainLayout(CourseCatalog catalog, SimulationRegistry simulations) {
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, new DrawerToggle(), header(), new DisplayToggle());
        addToDrawer(navigation(catalog, simulations));
    }

    private static HorizontalLayout header() {
        Anchor name = new Anchor("/", "Energy Lab");
        name.addClassName("brand");
        H1 title = new H1(name);
        title.addClassName("app-title");
        Span tagline = new Span("Energy-based learning, interactively");
        tagline.addClassName("tagline");
        HorizontalLayout header = new HorizontalLayout(title, tagline);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.addClassName("app-header");
        return header;
    }

    private static SideNav navigation(CourseCatalog catalog, SimulationRegistry simulations) {
        SideNav nav = new SideNav();
        nav.addClassName("course-nav");
        nav.addItem(new SideNavItem("Course overview", "/"));
        for (CourseModule module : catalog.modules()) {
            SideNavItem item = wrapping(new SideNavItem(null), module.title());
            item.setExpanded(true);
            module.lessons()
                    .forEach(l -> item.addItem(wrapping(new SideNavItem(null, "/lessons/" + l.id()), l.title())));
            nav.addItem(item);
        }
        SideNavItem labs = new SideNavItem("Simulations", "/simulations");
        simulations.all().forEach(s -> labs.addItem(new SideNavItem(s.title(), "/simulations/" + s.id())));
        nav.addItem(labs);
        return nav;
    }

    /** A navigation label that wraps onto a second line rather than being cut off. */
    private static SideNavItem wrapping(SideNavItem item, String label) {
        Span text = new Span(label);
        text.addClassName("nav-label");
        item.getElement().appendChild(text.getElement());
        return item;
    }
}
