package org.energylab.shell;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.HashMap;
import java.util.Map;
import org.energylab.account.AccountService;
import org.energylab.account.Role;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.CourseModule;
import org.energylab.simulation.SimulationRegistry;

/**
 * The frame of every page: the product name in the header and a navigation built from the course
 * and the simulation registry, so a new lesson or simulation appears here without wiring. On the
 * right of the header: signing in and up, or the signed-in account and signing out.
 *
 * <p>The frame is plain elements: a header, a drawer with the navigation and the page. The drawer
 * sits beside the page on a wide screen and over it on a narrow one; its button is handled in the
 * browser ({@code frontend/index.ts}), so showing and hiding it costs no request. Vaadin's app
 * layout drew the same with web components that reported their state to the server as every page
 * started, a request that the client router's first request then waited for.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout, AfterNavigationObserver {
    /** The drawer's id, which its button controls. */
    static final String DRAWER_ID = "course-drawer";

    private final Div content = new Div();

    /** The navigation's links by address, to mark the current page. */
    private final Map<String, Element> links = new HashMap<>();

    /** Each grouped link's {@code <details>}. */
    private final Map<Element, Element> groups = new HashMap<>();

    private Element current;

    public MainLayout(
            CourseCatalog catalog,
            SimulationRegistry simulations,
            AuthenticationContext authentication,
            AccountService accounts) {
        addClassName("app-frame");
        Header bar = new Header(drawerToggle(), header(), new DisplayToggle(), account(authentication, accounts));
        bar.addClassName("app-bar");
        Div drawer = new Div(navigation(catalog, simulations, authentication.isAuthenticated()));
        drawer.addClassName("app-drawer");
        drawer.setId(DRAWER_ID);
        content.addClassName("app-content");
        add(bar, drawer, content);
    }

    /**
     * The button that shows and hides the drawer. Whether the drawer starts shown depends on the
     * screen's width, which only the browser knows: it sets {@code aria-expanded} once the page is
     * placed.
     */
    private static NativeButton drawerToggle() {
        NativeButton toggle = new NativeButton();
        toggle.addClassName("drawer-toggle");
        toggle.getElement().setAttribute("aria-label", "Course navigation");
        toggle.getElement().setAttribute("aria-controls", DRAWER_ID);
        return toggle;
    }

    /** The page goes after the header and the drawer, in a container of its own. */
    @Override
    public void showRouterLayoutContent(HasElement view) {
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
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

    /**
     * The course's navigation as plain links in nested lists: the overview, each module's lessons
     * under a heading that folds ({@code <details>}), the notation, and the simulations (folded to
     * begin with). Vaadin's side navigation drew the same thing with 45 web components, each of which
     * reported its expanded state to the server as the page started: about a hundred events in a
     * request of their own, which the client router's first request then waited for, on every page's
     * first load. Plain elements report nothing; folding is the browser's own.
     */
    private Nav navigation(CourseCatalog catalog, SimulationRegistry simulations, boolean signedIn) {
        Nav nav = new Nav();
        nav.addClassName("course-nav");
        nav.getElement().setAttribute("aria-label", "Course");
        Element list = new Element("ul");
        list.appendChild(item(link("Course overview", "/")));
        if (signedIn) {
            list.appendChild(item(link("Classes", "/classes")));
        }
        for (CourseModule module : catalog.modules()) {
            Element lessons = new Element("ul");
            module.lessons().forEach(l -> lessons.appendChild(item(link(l.title(), "/lessons/" + l.id()))));
            list.appendChild(item(group(module.title(), lessons, true)));
        }
        catalog.notation().ifPresent(n -> list.appendChild(item(link("Notation", "/lessons/" + n.id()))));
        Element labs = new Element("ul");
        labs.appendChild(item(link("All simulations", "/simulations")));
        simulations.all().forEach(s -> labs.appendChild(item(link(s.title(), "/simulations/" + s.id()))));
        list.appendChild(item(group("Simulations", labs, false)));
        nav.getElement().appendChild(list);
        return nav;
    }

    private Element link(String label, String href) {
        Element a = new Element("a").setAttribute("href", href).setText(label);
        links.put(href, a);
        return a;
    }

    private static Element item(Element content) {
        return new Element("li").appendChild(content);
    }

    /** A heading that folds its list of links away; open to begin with or not. */
    private Element group(String label, Element list, boolean open) {
        Element details = new Element("details").appendChild(new Element("summary").setText(label), list);
        if (open) {
            details.setAttribute("open", true);
        }
        list.getChildren().forEach(li -> li.getChildren().forEach(a -> groups.put(a, details)));
        return details;
    }

    /**
     * Marks the link to the page now shown ({@code aria-current="page"}, which the theme highlights).
     * A link in a group folded to begin with (a simulation) unfolds that group, so the mark is seen.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (current != null) {
            current.removeAttribute("aria-current");
        }
        current = links.get("/" + event.getLocation().getPath());
        if (current != null) {
            current.setAttribute("aria-current", "page");
            Element group = groups.get(current);
            if (group != null) {
                group.setAttribute("open", true);
            }
        }
    }
}
