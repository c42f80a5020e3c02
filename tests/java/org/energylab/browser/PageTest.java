package org.energylab.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test of the running application: one Chromium per test class, a fresh page per test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PageTest {
    private static BrowserSession browser;

    @LocalServerPort
    int port;

    /** This test's page, closed with its browser context after the test. */
    Page page;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void openPage() {
        page = browser.newPage();
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    /** The address of {@code path} on the running application. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
