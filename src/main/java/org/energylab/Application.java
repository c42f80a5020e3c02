package org.energylab;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;
import org.energylab.simulation.NativeMemory;
import org.energylab.web.AppIcon;
import org.energylab.web.BundlePreloads;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Energy Lab: lessons on energy-based learning with live simulations beside the text.
 *
 * <p>Push sends a run's progress to the browser over a WebSocket; what the browser sends travels as
 * ordinary HTTP requests ({@link Transport#WEBSOCKET_XHR}), so that every click passes the security
 * filters and a request that signs someone in can give the browser its new session cookie.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push(transport = Transport.WEBSOCKET_XHR)
@Theme("energylab")
public class Application implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        AppIcon.ALL.forEach(icon -> settings.addLink(icon.href(), icon.attributes()));
        String path =
                settings.getRequest() == null ? null : settings.getRequest().getPathInfo();
        BundlePreloads.packaged().forPage(path).forEach(link -> settings.addLink(link.href(), link.attributes()));
    }

    public static void main(String[] args) {
        // Before Spring starts ND4J: JavaCPP reads its memory limits once, when it loads.
        NativeMemory.applyDefaultLimits();
        SpringApplication.run(Application.class, args);
    }
}
