package org.energylab.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page for an address that leads nowhere, or to a page the signed-in account may not open (the
 * two are not told apart, so that the page does not reveal what exists), with a title for the tab
 * and for screen readers (WCAG 2.4.2), inside the usual frame, and a way back to the course.
 */
@PageTitle("Page not found · Energy Lab")
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = "/" + event.getLocation().getPath();
        Main page = new Main(
                new H2("Page not found"),
                new Paragraph("There is no page at " + path + ", or your account may not open it."),
                new Paragraph(new Anchor("/", "Go to the course overview")));
        page.addClassNames("page", "not-found-page");
        getElement().removeAllChildren();
        getElement().appendChild(page.getElement());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
