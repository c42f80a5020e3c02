package org.energylab.web;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Every page's head: a preload of Vaadin's push script (see {@link BundlePreloads#preloadPushScript}),
 * and in production no second copy of the theme's style sheet (see {@link ThemeLink}).
 */
@Component
class PageHead implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        boolean production = event.getSource().getDeploymentConfiguration().isProductionMode();
        event.addIndexHtmlRequestListener(response -> {
            BundlePreloads.preloadPushScript(response.getDocument());
            if (production) {
                ThemeLink.dropIfBundled(response.getDocument());
            }
        });
    }
}
