package org.energylab.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's web edge without Vaadin: the embedded Tomcat with the application's properties
 * (compression, session cookie), Spring MVC with its static files (the icons), the two filters, and
 * stand-ins for what answers behind them: a page, a JSON answer, a session, and a servlet that
 * serves {@code /VAADIN/} files with the Cache-Control header Vaadin's own file server writes.
 *
 * <p>Deliberately not a {@code @Configuration}: the application's component scan would then register
 * its {@code /VAADIN/} stand-in in every other test's application (and a {@code @TestConfiguration}
 * given as {@code classes} is only added to the application's configuration, not used instead).
 */
@ImportAutoConfiguration({
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class
})
@Import({SecurityHeaders.class, HashedAssetCaching.class, WebEdge.Answers.class})
class WebEdge {
    /** Long enough to be worth compressing. */
    static final String PAGE =
            "<!doctype html><html><body>" + "<p>An energy-based lesson.</p>".repeat(200) + "</body></html>";

    static final String JSON = "{\"series\": [" + "1.0, ".repeat(2000) + "1.0]}";

    @RestController
    @TestComponent // imported above; never picked up when another test scans the application
    static class Answers {
        @GetMapping(value = "/page", produces = MediaType.TEXT_HTML_VALUE)
        String page() {
            return PAGE;
        }

        @GetMapping(value = "/json", produces = MediaType.APPLICATION_JSON_VALUE)
        String json() {
            return JSON;
        }

        @GetMapping("/session")
        String session(HttpServletRequest request) {
            return request.getSession(true).getId().isEmpty() ? "" : "ok";
        }
    }

    /** Serves any {@code /VAADIN/} path as Vaadin's StaticFileServer does in production: one hour. */
    @Bean
    ServletRegistrationBean<HttpServlet> vaadinFiles() {
        return new ServletRegistrationBean<>(
                new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.setHeader("Cache-Control", "max-age=3600");
                        response.setContentType("text/javascript");
                        response.getWriter().write("export const x = 1;");
                    }
                },
                "/VAADIN/*");
    }
}
