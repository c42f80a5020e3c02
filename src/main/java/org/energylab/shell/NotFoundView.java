package org.energylab.shell;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Vaadin's page for an address that leads nowhere, with a title: without one the browser tab and a
 * screen reader announce nothing (WCAG 2.4.2, axe-core's {@code document-title}).
 */
@PageTitle("Page not found · Energy Lab")
@AnonymousAllowed
public class NotFoundView extends RouteNotFoundError {}
