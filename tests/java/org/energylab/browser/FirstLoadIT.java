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
 * cacheable for a year; the page carries the UI's first state and preloads the bundle's files it will
 * need, each of which the browser then fetches once; the theme applies, from the bundle alone; on the
 * home page the client router's request is the only one before the page is placed. It
 * prints what the load took and every request
 * (see {@link FirstLoad}); speed is reported, not asserted.
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
        FirstLoad load = FirstLoad.measure(browser, base(), FirstLoad.HOME, FirstLoad.HOME_READY);
        check(load);
        assertThat(load.answers)
                .as("the home page shows no math and no chart: it loads neither KaTeX nor Chart.js")
                .noneMatch(answer -> answer.url().contains("/VAADIN/build/chunk-")
                        || answer.url().contains("KaTeX"));
        assertThat(load.requestsToPlace)
                .as("the frame reports nothing as the page starts: the client router's own request is the only"
                        + " one before the page is placed")
                .isEqualTo(1);
    }

    @Test
    void lessonPage() {
        FirstLoad.measure(browser, base(), "/simulations", "main a");
        FirstLoad load = FirstLoad.measure(browser, base(), FirstLoad.LESSON, FirstLoad.LESSON_READY);
        check(load);
        assertThat(load.preloads)
                .as("a lesson preloads KaTeX, Chart.js and the main math fonts with the page")
                .anyMatch(url -> url.contains("/VAADIN/build/chunk-") && url.endsWith(".js"))
                .anyMatch(url -> url.contains("/VAADIN/build/KaTeX_Main-Regular-"));
    }

    private static void check(FirstLoad load) {
        System.out.println(load);
        System.out.print(load.waterfall());
        assertThat(load.answers)
                .as("the page itself carries the UI's first state, so the browser need not ask for it")
                .noneMatch(answer -> answer.url().contains("v-r=init"));
        assertThat(load.preloads)
                .as("the page preloads Flow's bootstrap modules")
                .anyMatch(url -> url.contains("/VAADIN/build/FlowClient-"))
                .anyMatch(url -> url.contains("/VAADIN/build/generated-flow-imports-"));
        for (String preload : load.preloads) {
            assertThat(load.answers.stream().filter(answer -> answer.url().equals(preload)))
                    .as("a preloaded file is fetched once, then used from the preload: " + preload)
                    .singleElement()
                    .satisfies(answer -> assertThat(answer.status()).isEqualTo(200));
        }
        assertThat(load.themeAccent).as("the theme applies").isEqualTo("#2563eb");
        assertThat(load.answers)
                .as("the theme comes once, with the bundle's style sheet, not again from /VAADIN/themes/")
                .noneMatch(answer -> answer.url().contains("/VAADIN/themes/"));
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
