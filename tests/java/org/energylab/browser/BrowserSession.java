package org.energylab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium for a test class: the machine's own browser (Debian's chromium), never a
 * downloaded one. Screenshots go to target/screenshots.
 */
final class BrowserSession implements AutoCloseable {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    BrowserSession() {
        Path chromium = Paths.get(System.getenv()
                .getOrDefault("ENERGYLAB_CHROMIUM", System.getProperty("energylab.chromium", "/usr/bin/chromium")));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Chromium is needed for the browser tests but " + chromium
                    + " does not exist. Install it with: apt-get install -y chromium"
                    + " (or set ENERGYLAB_CHROMIUM to another Chromium binary).");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    Page newPage() {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
        // Generous waits: a loaded two-core machine can take many seconds to serve a first page.
        page.setDefaultTimeout(45_000);
        return page;
    }

    /**
     * Saves the whole page. The app layout scrolls its content area rather than the document, so
     * the viewport is stretched to the content's height for the shot, then put back.
     */
    static void screenshot(Page page, String name) {
        int height = ((Number) page.evaluate("() => Math.max(document.documentElement.scrollHeight,"
                        + " ...[...document.querySelectorAll('main')].map(m => m.scrollHeight + 80))"))
                .intValue();
        var size = page.viewportSize();
        page.setViewportSize(size.width, Math.min(Math.max(height, size.height), 16_000));
        page.waitForTimeout(300); // let charts resize to the new viewport
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        page.setViewportSize(size.width, size.height);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
