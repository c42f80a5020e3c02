package org.energylab.web;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Preloads Vaadin's push script from every page (see {@link BundlePreloads#preloadPushScript}). */
@Component
class PushScriptPreload implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> BundlePreloads.preloadPushScript(response.getDocument()));
    }
}
