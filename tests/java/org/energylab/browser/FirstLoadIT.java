package org.energylab.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
        for (FirstLoad.Answer answer : load.answers) {
            assertThat(answer.status()).as(answer.url()).isLessThan(400);
            boolean text = answer.type().startsWith("text/")
                    || answer.type().contains("json")
                    || answer.type().contains("javascript")
                    || answer.type().contains("svg");
            if (text && answer.bodySize() > 2048) {
                assertThat(answer.encoding())
                        .as("compression of " + answer.url())
                        .isIn("gzip", "br");
            }
            if (answer.url().contains("/VAADIN/build/") && answer.status() == 200) {
                assertThat(answer.cacheControl()).as(answer.url()).isEqualTo("public, max-age=31536000, immutable");
            }
        }
    }
}
