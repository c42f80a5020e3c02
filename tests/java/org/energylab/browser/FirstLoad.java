package org.energylab.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures a page's first load in a fresh browser context (empty cache): the responses, the bytes on
 * the wire, the time until the last response and until the network went quiet. Used by
 * {@link FirstLoadIT}, and on its own against a running server:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.energylab.browser.FirstLoad http://localhost:8080 3
 * </pre>
 *
 * (the last argument: how many times to load each page; the first visit to the server is not counted).
 */
final class FirstLoad {
    /** The home page and a lesson, and what each shows when it is ready. */
    static final String HOME = "/";

    static final String HOME_READY = ".module-card";
    static final String LESSON = "/lessons/the-lagrangian";
    static final String LESSON_READY = ".katex";

    /** One response of the load, read while the page was open. */
    record Answer(String url, int status, String type, String encoding, String cacheControl, long bodySize) {}

    final String path;
    final List<Answer> answers = new ArrayList<>();
    List<String> policyViolations = List.of();
    long bytes;
    long largest;
    String largestUrl = "";
    double lastResponseMs;
    double idleMs;

    private FirstLoad(String path) {
        this.path = path;
    }

    static FirstLoad measure(BrowserSession browser, String base, String path, String readySelector) {
        FirstLoad load = new FirstLoad(path);
        Page page = browser.newPage(); // a new context: nothing cached
        List<Response> responses = new ArrayList<>();
        page.onResponse(responses::add);
        CspWatch csp = CspWatch.on(page);
        try {
            long start = System.nanoTime();
            page.navigate(base + path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            page.locator(readySelector).first().waitFor();
            page.waitForLoadState(LoadState.NETWORKIDLE);
            load.idleMs = (System.nanoTime() - start) / 1e6;
            load.lastResponseMs = ((Number) page.evaluate("() => Math.max(...performance.getEntriesByType('navigation')"
                            + ".concat(performance.getEntriesByType('resource')).map(e => e.responseEnd))"))
                    .doubleValue();
            load.policyViolations = csp.violations();
            for (Response response : responses) {
                response.finished();
                var sizes = response.request().sizes();
                long size = sizes.responseBodySize + sizes.responseHeadersSize;
                load.bytes += size;
                if (size > load.largest) {
                    load.largest = size;
                    load.largestUrl = response.url().substring(base.length());
                }
                load.answers.add(new Answer(
                        response.url(),
                        response.status(),
                        String.valueOf(response.headerValue("content-type")),
                        String.valueOf(response.headerValue("content-encoding")),
                        String.valueOf(response.headerValue("cache-control")),
                        sizes.responseBodySize));
            }
        } finally {
            page.context().close();
        }
        return load;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "First load of %s: %d requests, %.0f KB transferred (largest %.0f KB: %s), last response"
                        + " after %.0f ms, network idle after %.0f ms (Playwright's 500 ms of quiet included);"
                        + " policy violations: %s",
                path,
                answers.size(),
                bytes / 1024.0,
                largest / 1024.0,
                largestUrl,
                lastResponseMs,
                idleMs,
                policyViolations);
    }

    /** Measures the home page and a lesson of a running server, each after one warm-up visit. */
    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (BrowserSession browser = new BrowserSession()) {
            measure(browser, base, "/simulations", "main a");
            for (int i = 0; i < rounds; i++) {
                System.out.println(measure(browser, base, HOME, HOME_READY));
                System.out.println(measure(browser, base, LESSON, LESSON_READY));
            }
        }
    }
}
