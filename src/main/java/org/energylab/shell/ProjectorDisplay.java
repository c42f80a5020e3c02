package org.energylab.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * The projector display (light text on a dark ground, large type) is remembered in a cookie, so that
 * the server can write it into the page it sends: a reload shows the chosen display from the first
 * paint, without a flash of the other one. The cookie holds only the choice of display.
 */
@Component
class ProjectorDisplay implements VaadinServiceInitListener {
    static final String COOKIE = "energylab-display";
    static final String PROJECTOR = "projector";
    /** The theme words on {@code <html>}: Lumo's dark palette and the projector rules of the theme. */
    static final String THEME = "dark projector";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            if (chosen(response.getVaadinRequest())) {
                response.getDocument().selectFirst("html").attr("theme", THEME);
            }
        });
    }

    /** Whether this request comes from a browser that chose the projector display. */
    static boolean chosen(VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        return cookies != null
                && Arrays.stream(cookies).anyMatch(c -> COOKIE.equals(c.getName()) && PROJECTOR.equals(c.getValue()));
    }
}
