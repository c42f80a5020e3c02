package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.energylab.web.SecurityHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages work under the application's Content-Security-Policy: each is served with it and
 * reports no violation (the lessons and simulation pages are checked the same way in CourseWalkIT
 * and LessonBrowserIT). A lesson's SVG image opened on its own gets the policy that runs no script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityPolicyIT {
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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theHomePageWorksUnderThePolicy() {
        Page page = browser.newPage();
        CspWatch csp = CspWatch.on(page);
        try {
            Response response = page.navigate(url("/"));
            // The start-up page allows its own inline scripts by their hashes, and nothing else inline.
            String policy = response.headerValue("content-security-policy");
            assertThat(policy).contains("'sha256-");
            assertThat(policy.replaceAll(" 'sha256-[^']+'", "")
                            .replace(" 'unsafe-inline' 'unsafe-eval'", " 'unsafe-eval'"))
                    .isEqualTo(SecurityHeaders.PAGE_POLICY);
            assertThat(response.headerValue("x-content-type-options")).isEqualTo("nosniff");
            assertThat(page.locator(".module-card").first()).isVisible();
            // Navigating inside the application goes through Vaadin's client engine and its UIDL requests.
            page.locator(".module-card a").first().click();
            page.locator(".katex").first().waitFor();
            csp.assertNone("the home page and the first lesson");
        } finally {
            page.context().close();
        }
    }

    @Test
    void theSimulationIndexWorksUnderThePolicy() {
        Page page = browser.newPage();
        CspWatch csp = CspWatch.on(page);
        try {
            page.navigate(url("/simulations"));
            assertThat(page.locator("main a").first()).isVisible();
            csp.assertNone("the simulation index");
        } finally {
            page.context().close();
        }
    }

    @Test
    void aLessonSvgOpenedOnItsOwnRunsNoScript() {
        Page page = browser.newPage();
        try {
            Response response = page.navigate(url("/lesson-files/01-lagrangian/images/pendulum.svg"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headerValue("content-security-policy")).isEqualTo(SecurityHeaders.FILE_POLICY);
            // The sandbox gives the document an opaque origin: no access to the application's cookies.
            assertThat(page.evaluate("() => window.origin")).isEqualTo("null");
        } finally {
            page.context().close();
        }
    }
}
