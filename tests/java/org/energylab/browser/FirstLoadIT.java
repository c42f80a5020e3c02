package org.energylab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first load of the home page and of a lesson in a fresh browser (empty cache): every request
 * answers, every text answer of some size travels compressed, the bundle's hashed files are
 * cacheable for a year. It prints what the load took (see {@link FirstLoad}); speed is reported, not
 * asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstLoadIT {
    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void homePage() {
        // The first visit warms the server (Vaadin's first UI, class loading), not the browser.
        FirstLoad.measure(browser, base(), "/simulations", "main a");
        check(FirstLoad.measure(browser, base(), FirstLoad.HOME, FirstLoad.HOME_READY));
    }

    @Test
    void lessonPage() {
        FirstLoad.measure(browser, base(), "/simulations", "main a");
        check(FirstLoad.measure(browser, base(), FirstLoad.LESSON, FirstLoad.LESSON_READY));
    }

    private static void check(FirstLoad load) {
        System.out.println(load);
        assertThat(load.policyViolations)
                .as("Content-Security-Policy violations")
                .isEmpty();
        for (Response response : load.responses) {
            String url = response.url();
            assertThat(response.status()).as(url).isLessThan(400);
            String type = String.valueOf(response.headerValue("content-type"));
            boolean text = type.startsWith("text/")
                    || type.contains("json")
                    || type.contains("javascript")
                    || type.contains("svg");
            if (text && response.request().sizes().responseBodySize > 2048) {
                assertThat(response.headerValue("content-encoding"))
                        .as("compression of " + url)
                        .isIn("gzip", "br");
            }
            if (url.contains("/VAADIN/build/") && response.status() == 200) {
                assertThat(response.headerValue("cache-control"))
                        .as(url)
                        .isEqualTo("public, max-age=31536000, immutable");
            }
        }
    }
}
