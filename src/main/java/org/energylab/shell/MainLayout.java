package org.energylab.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.energylab.account.AccountService;
import org.energylab.account.Role;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.CourseModule;
import org.energylab.simulation.SimulationRegistry;

/**
 * The frame of every page: the product name in the header and a navigation built from the course
 * and the simulation registry, so a new lesson or simulation appears here without wiring. On the
 * right of the header: signing in and up, or the signed-in account and signing out.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(
            CourseCatalog catalog,
            SimulationRegistry simulations,
            AuthenticationContext authentication,
            AccountService accounts) {
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, new DrawerToggle(), header(), new DisplayToggle(), account(authentication, accounts));
        addToDrawer(navigation(catalog, simulations, authentication.isAuthenticated()));
    }

    /** Who is signed in, with their account page and a sign-out button; or the ways to sign in. */
    private static HorizontalLayout account(AuthenticationContext authentication, AccountService accounts) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.addClassName("account-bar");
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        if (authentication.isAuthenticated()) {
            String name = authentication.getPrincipalName().orElse("");
            Anchor account = new Anchor("/account", name);
            account.addClassName("account-link");
            account.getElement().setAttribute("title", "Your account");
            bar.add(account);
            if (authentication.hasRole(Role.ADMIN.name())) {
                bar.add(new Anchor("/admin/users", "Accounts"));
            }
            Button signOut = new Button("Sign out", e -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            signOut.addClassName("sign-out");
            bar.add(signOut);
        } else {
            bar.add(new Anchor("/login", "Sign in"));
            if (accounts.signUpEnabled()) {
                bar.add(new Anchor("/signup", "Sign up"));
            }
        }
        return bar;
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

    private static SideNav navigation(CourseCatalog catalog, SimulationRegistry simulations, boolean signedIn) {
        SideNav nav = new SideNav();
        nav.addClassName("course-nav");
        nav.addItem(new SideNavItem("Course overview", "/"));
        if (signedIn) {
            nav.addItem(new SideNavItem("Classes", "/classes"));
        }
        for (CourseModule module : catalog.modules()) {
            SideNavItem item = wrapping(new SideNavItem(null), module.title());
            item.setExpanded(true);
            module.lessons()
                    .forEach(l -> item.addItem(wrapping(new SideNavItem(null, "/lessons/" + l.id()), l.title())));
            nav.addItem(item);
        }
        catalog.notation().ifPresent(n -> nav.addItem(new SideNavItem("Notation", "/lessons/" + n.id())));
        SideNavItem labs = new SideNavItem("Simulations", "/simulations");
        simulations.all().forEach(s -> labs.addItem(new SideNavItem(s.title(), "/simulations/" + s.id())));
        nav.addItem(labs);
        nav.getElement().executeJs(SIDE_NAV_CONTROLS_FIX);
        nav.getElement().executeJs(LEAF_EXPANDED_QUIET);
        return nav;
    }

    /**
     * In Vaadin 24.9.5 the toggle button of a side-nav item with children has {@code
     * aria-controls="children"}, but the list it controls ({@code <ul part="children">}) has no id:
     * the reference points at nothing (axe-core's critical {@code aria-valid-attr-value}). This is a
     * defect of {@code @vaadin/side-nav} itself, whose item once rendered {@code <ul id="children">}
     * (see vaadin/web-components#5814 for that structure) and renders it again in later releases.
     * Until the upgrade, give each item's list the id its button names; both live in the same
     * shadow root, so the reference resolves there.
     */
    private static final String SIDE_NAV_CONTROLS_FIX = """
            const nav = this;
            customElements.whenDefined('vaadin-side-nav-item').then(() => {
              const items = [...nav.querySelectorAll('vaadin-side-nav-item')];
              return Promise.all(items.map((item) => item.updateComplete.then(() => item)));
            }).then((items) => items.forEach((item) => {
              const list = item.shadowRoot && item.shadowRoot.querySelector('ul[part="children"]');
              if (list && !list.id) {
                list.id = 'children';
              }
            }));
            """;

    /**
     * In Vaadin 24.9.5 a side-nav item without children that becomes the current page (when the page
     * loads, and again each time the router has navigated) sets its own {@code expanded} to true and
     * straight back to false, and announces the unchanged value with an {@code expanded-changed}
     * event (vaadin/web-components#11625, fixed by #11632 in a later release). Flow sends each such
     * event to the server in a request of its own: two extra round trips at the end of every page
     * load, which kept the page's network busy for up to a second after it was ready. An item without
     * children is never expanded, so its {@code expanded-changed} is stopped on its way down to the
     * item, before Flow's listener there sees it; items with children still report theirs.
     */
    private static final String LEAF_EXPANDED_QUIET = """
            this.addEventListener('expanded-changed', (e) => {
              const item = e.target;
              if (item !== this && item.localName === 'vaadin-side-nav-item'
                  && !item.querySelector(':scope > vaadin-side-nav-item')) {
                e.stopPropagation();
              }
            }, true);
            """;

    /** A navigation label that wraps onto a second line rather than being cut off. */
    private static SideNavItem wrapping(SideNavItem item, String label) {
        Span text = new Span(label);
        text.addClassName("nav-label");
        item.getElement().appendChild(text.getElement());
        return item;
    }
}
