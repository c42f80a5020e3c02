package org.energylab.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
 * (the last argument: how many times to load each page; the first visit to the server is not counted;
 * add {@code --waterfall} to list every request with its start, server wait and end, and
 * {@code --reference=http://host:port} to load another server's root page in turn, see {@link #main}).
 */
final class FirstLoad {
    /** The home page and a lesson, and what each shows when it is ready. */
    static final String HOME = "/";

    static final String HOME_READY = ".module-card";
    static final String LESSON = "/lessons/the-lagrangian";
    static final String LESSON_READY = ".katex";

    /** One response of the load, read while the page was open. */
    record Answer(String url, int status, String type, String encoding, String cacheControl, long bodySize) {}

    /**
     * When a request started and ended, in ms from the start of the navigation, and how long the
     * server took to begin its answer (time to first byte after the request was sent).
     */
    record Step(String url, String method, long bytes, double startMs, double serverMs, double endMs) {}

    final String path;
    final List<Answer> answers = new ArrayList<>();
    final List<Step> waterfall = new ArrayList<>();
    List<String> policyViolations = List.of();
    /** The addresses the page's head asks the browser to preload, as the page first had them. */
    List<String> preloads = List.of();

    long bytes;
    long largest;
    String largestUrl = "";
    double lastResponseMs;
    double idleMs;
    /** The longest task the browser's main thread ran during the load (the Long Tasks API, ≥ 50 ms). */
    double longestTaskMs;
    /** The theme's accent colour as the loaded page has it: empty if the theme's style sheet is missing. */
    String themeAccent = "";
    /** Requests to the UI's server side made before the client router had placed the page. */
    int requestsToPlace;

    private FirstLoad(String path) {
        this.path = path;
    }

    static FirstLoad measure(BrowserSession browser, String base, String path, String readySelector) {
        FirstLoad load = new FirstLoad(path);
        Page page = browser.newPage(); // a new context: nothing cached
        List<Response> responses = new ArrayList<>();
        page.onResponse(responses::add);
        CspWatch csp = CspWatch.on(page);
        page.addInitScript("window.__longTasks = []; new PerformanceObserver(list => list.getEntries()"
                + ".forEach(e => window.__longTasks.push(e.duration))).observe({type: 'longtask', buffered: true});");
        try {
            long start = System.nanoTime();
            Response document =
                    page.navigate(base + path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.NETWORKIDLE));
            page.locator(readySelector).first().waitFor();
            // The client router has placed the page once the outlet takes input (frontend/index.ts; a
            // reference server's page without that script never holds its outlet back).
            page.waitForFunction("() => !document.querySelector('#outlet')?.hasAttribute('inert')");
            load.requestsToPlace = (int) List.copyOf(responses).stream()
                    .filter(r -> r.url().contains("v-r=uidl"))
                    .count();
            page.waitForLoadState(LoadState.NETWORKIDLE);
            load.idleMs = (System.nanoTime() - start) / 1e6;
            load.lastResponseMs = ((Number) page.evaluate("() => Math.max(...performance.getEntriesByType('navigation')"
                            + ".concat(performance.getEntriesByType('resource')).map(e => e.responseEnd))"))
                    .doubleValue();
            load.longestTaskMs = ((Number) page.evaluate("() => Math.max(0, ...window.__longTasks)")).doubleValue();
            load.themeAccent = (String) page.evaluate(
                    "() => getComputedStyle(document.documentElement).getPropertyValue('--energylab-accent').trim()");
            load.policyViolations = csp.violations();
            load.preloads = org.jsoup.Jsoup.parse(document.text(), base + path)
                    .select("link[rel=modulepreload], link[rel=preload]")
                    .stream()
                    .map(link -> link.absUrl("href"))
                    .toList();
            for (Response response : List.copyOf(responses)) {
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
                var timing = response.request().timing();
                double offset = timing.startTime - navigationStart(responses);
                load.waterfall.add(new Step(
                        response.url().substring(base.length()),
                        response.request().method(),
                        size,
                        offset,
                        timing.responseStart - timing.requestStart,
                        offset + timing.responseEnd));
            }
        } finally {
            page.context().close();
        }
        return load;
    }

    private static double navigationStart(List<Response> responses) {
        return responses.isEmpty() ? 0 : responses.get(0).request().timing().startTime;
    }

    /** One line per request in the order they started: start, server wait, end (ms), bytes, address. */
    String waterfall() {
        StringBuilder out = new StringBuilder();
        waterfall.stream()
                .sorted(java.util.Comparator.comparingDouble(Step::startMs))
                .forEach(s -> out.append(String.format(
                        Locale.ROOT,
                        "  %7.0f %7.0f %7.0f %7d  %s %s%n",
                        s.startMs(),
                        s.serverMs(),
                        s.endMs(),
                        s.bytes(),
                        s.method(),
                        s.url().length() > 100 ? s.url().substring(0, 100) + "…" : s.url())));
        return "    start  server     end   bytes  request\n" + out;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "First load of %s: %d requests, %.0f KB transferred (largest %.0f KB: %s), last response"
                        + " after %.0f ms, network idle after %.0f ms (Playwright's 500 ms of quiet included),"
                        + " longest main-thread task %.0f ms; %d request(s) to the server's UI before the page was"
                        + " placed; policy violations: %s",
                path,
                answers.size(),
                bytes / 1024.0,
                largest / 1024.0,
                largestUrl,
                lastResponseMs,
                idleMs,
                longestTaskMs,
                requestsToPlace,
                policyViolations);
    }

    /**
     * Measures the home page and a lesson of a running server, each after one warm-up visit, and prints
     * each load and then every page's medians. With {@code --pages=/a,/b} those pages too (ready when
     * their {@code main} is shown), for instance a missing page, which is the layout alone. With
     * {@code --reference=http://host:port} the root page of another server, in turn with the others in
     * every round: for instance a Vaadin Flow application with a single route and no web component, the
     * least that any page of this stack costs on the same machine.
     */
    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean steps = false;
        // Each page: its server, its path, and what shows when it is ready.
        List<String[]> pages = new ArrayList<>(
                List.of(new String[] {base, HOME, HOME_READY}, new String[] {base, LESSON, LESSON_READY}));
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--waterfall")) {
                steps = true;
            } else if (args[i].startsWith("--pages=")) {
                for (String path : args[i].substring("--pages=".length()).split(",")) {
                    pages.add(new String[] {base, path, "main"});
                }
            } else if (args[i].startsWith("--reference=")) {
                pages.add(new String[] {args[i].substring("--reference=".length()), "/", "main"});
            } else {
                throw new IllegalArgumentException(
                        "unknown option " + args[i] + " (--waterfall, --pages=/a,/b, --reference=http://host:port)");
            }
        }
        Map<String, List<FirstLoad>> loads = new LinkedHashMap<>();
        try (BrowserSession browser = new BrowserSession()) {
            // The first visit to each server warms the server, not the browser.
            measure(browser, base, "/simulations", "main a");
            pages.stream()
                    .filter(page -> !page[0].equals(base))
                    .forEach(page -> measure(browser, page[0], page[1], page[2]));
            for (int i = 0; i < rounds; i++) {
                for (String[] page : pages) {
                    FirstLoad load = measure(browser, page[0], page[1], page[2]);
                    System.out.println(load);
                    if (steps) {
                        System.out.print(load.waterfall());
                    }
                    loads.computeIfAbsent(page[0] + page[1], key -> new ArrayList<>())
                            .add(load);
                }
            }
        }
        System.out.println("Medians of " + rounds + " loads (ms): network idle, last response, longest task");
        loads.forEach((page, measured) -> System.out.printf(
                Locale.ROOT,
                "  %6.0f %6.0f %6.0f  %s%n",
                median(measured, load -> load.idleMs),
                median(measured, load -> load.lastResponseMs),
                median(measured, load -> load.longestTaskMs),
                page));
    }

    /** The median of one figure over a page's loads. */
    static double median(List<FirstLoad> loads, Function<FirstLoad, Double> figure) {
        List<Double> sorted = loads.stream().map(figure).sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
