package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two displays (standard, and projector: light on dark, large type) and reduced motion: the
 * header's toggle, the choice surviving a reload, text contrast, chart colours, and screenshots of
 * both displays before and after a run.
 */
class DisplayIT extends PageTest {
    /** Text whose contrast against what lies behind it is measured, on lesson 1.1 after a run. */
    private static final List<String> TEXT = List.of(
            "main h1",
            ".lesson-lead",
            ".prose p",
            ".prose a",
            ".prose li",
            ".prose th",
            ".katex",
            ".panel-header h3",
            ".panel-header p",
            ".panel-link",
            ".shortcut-hint",
            ".run-status",
            ".scalar-label",
            ".scalar-value",
            ".scalar-note",
            ".exercise h3",
            ".exercise-how",
            ".exercise-feedback",
            ".objective-achieved",
            ".pager a",
            ".app-title .brand",
            ".tagline",
            ".course-nav a",
            ".course-nav summary");

    /**
     * The lowest contrast ratio among the visible elements a selector finds, text colour against the
     * background composited from the element up to the page (WCAG 2.1 relative luminance).
     */
    private static final String CONTRAST = """
            (selector) => {
              const parse = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
              const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
              const background = (el) => {
                const layers = [];
                for (let e = el; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
                  const c = parse(getComputedStyle(e).backgroundColor);
                  if (c[3] > 0) layers.push(c);
                  if (c[3] === 1) break;
                }
                let colour = [255, 255, 255, 1];
                for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
                return colour;
              };
              const lum = (c) => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              let worst = null;
              for (const el of document.querySelectorAll(selector)) {
                if (!el.offsetParent || !el.innerText.trim()) continue;
                const bg = background(el);
                const fg = over(parse(getComputedStyle(el).color), bg);
                const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
                const ratio = (a + 0.05) / (b + 0.05);
                if (worst === null || ratio < worst) worst = ratio;
              }
              return worst;
            }
            """;

    @Test
    void theProjectorDisplayIsSwitchedFromTheHeaderAndRemembered() {
        openLesson();
        Locator toggle = page.locator("vaadin-button.display-toggle");
        assertThat(toggle).hasAccessibleName("Projector display");
        assertThat(toggle).hasAttribute("aria-pressed", "false");
        assertThat(page.locator("html")).not().hasAttribute("theme", java.util.regex.Pattern.compile("projector"));
        assertContrast("standard");
        shoot("display-standard-lesson-1-1");

        toggle.click();
        assertThat(toggle).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("html")).hasAttribute("theme", "dark projector");
        assertThat(page.locator("main h1")).hasCSS("color", "rgb(255, 255, 255)");

        page.reload();
        page.locator(".katex").first().waitFor();
        assertThat(page.locator("html")).hasAttribute("theme", "dark projector");
        assertThat(page.locator("vaadin-button.display-toggle")).hasAttribute("aria-pressed", "true");
        // The server writes the display into the page it sends: no flash of the standard one first.
        String served = page.request().get(url("/lessons/the-lagrangian")).text();
        assertThat(served).containsPattern("<html[^>]* theme=\"dark projector\"");
        assertContrast("projector");
        shoot("display-projector-lesson-1-1");

        // Back to the standard display, also after a reload.
        page.locator("vaadin-button.display-toggle").click();
        assertThat(page.locator("html")).not().hasAttribute("theme", java.util.regex.Pattern.compile("projector"));
        page.reload();
        page.locator(".katex").first().waitFor();
        assertThat(page.locator("vaadin-button.display-toggle")).hasAttribute("aria-pressed", "false");
        assertThat(page.locator("html")).not().hasAttribute("theme", java.util.regex.Pattern.compile("projector"));
    }

    @Test
    void chartsTakeTheDisplaysColours() {
        PanelObject panel = openLesson();
        panel.runAndWait();
        assertThat(chartColour(panel, "scales.x.ticks.color")).isEqualTo("#334155");
        assertThat(chartColour(panel, "datasets[0].borderColor")).isEqualTo("#2563eb");
        assertThat(chartColour(panel, "scales.x.ticks.font.size")).isEqualTo("12");
        assertThat(drawnFont(panel)).startsWith("12px");
        assertLegendDrawsLines(panel);
        assertContrast("standard after a run");
        shoot(panel, "display-standard-panel-after-run");

        // The charts already drawn change with the display, without another run.
        page.locator("vaadin-button.display-toggle").click();
        page.waitForCondition(() -> "#e2e8f0".equals(chartColour(panel, "scales.x.ticks.color")));
        assertThat(chartColour(panel, "scales.y.title.color")).isEqualTo("#e2e8f0");
        assertThat(chartColour(panel, "datasets[0].borderColor")).isEqualTo("#60a5fa");
        assertThat(chartColour(panel, "scales.x.ticks.font.size")).isEqualTo("16");
        assertThat(drawnFont(panel)).startsWith("16px");
        assertLegendDrawsLines(panel);
        assertContrast("projector after a run");
        shoot(panel, "display-projector-panel-after-run");

        // A chart drawn in the projector display starts with its colours.
        panel.runAndWait();
        assertThat(chartColour(panel, "scales.x.ticks.color")).isEqualTo("#e2e8f0");
        assertThat(chartColour(panel, "datasets[0].borderColor")).isEqualTo("#60a5fa");
    }

    /**
     * A whole lesson on the projector, as a class sees it after a run and a solved exercise: every
     * text still reaches 4.5:1, and a full-page screenshot shows the prose, figures, charts and
     * exercises together.
     */
    @Test
    void aWholeLessonAfterARunInTheProjectorDisplay() {
        PanelObject panel = openLesson();
        page.locator("vaadin-button.display-toggle").click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark projector");
        panel.runAndWait();
        PanelObject.settled(page);
        Locator exercise = page.locator(".exercise[data-exercise=planet-x]");
        exercise.locator("vaadin-text-field input").fill("5.45");
        exercise.locator("vaadin-button.exercise-check").click();
        assertThat(exercise.locator(".exercise-feedback")).hasText("Correct.");
        assertThat(page.locator(".objectives li[data-exercise=planet-x] .objective-achieved"))
                .isVisible();
        page.mouse().move(1, 999);
        assertContrast("projector, whole lesson");
        shootWholeLesson("display-projector-lesson-1-1-whole");
    }

    /**
     * The whole lesson, from its title to the pager. The layout scrolls its content area, so the
     * viewport is first stretched to hold all of it (as {@link #shoot(PanelObject, String)} does).
     */
    private void shootWholeLesson(String name) {
        int height = ((Number) page.evaluate("() => Math.max(document.documentElement.scrollHeight,"
                        + " ...[...document.querySelectorAll('main')].map(m => m.scrollHeight + 80))"))
                .intValue();
        var size = page.viewportSize();
        page.setViewportSize(size.width, Math.min(Math.max(height, size.height), 30_000));
        page.waitForTimeout(300); // the charts follow the new size
        page.locator("main")
                .screenshot(new Locator.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve(name + ".png")));
        page.setViewportSize(size.width, size.height);
    }

    @Test
    void reducedMotionStopsTransitionsAndChartAnimation() {
        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
        PanelObject panel = openLesson();
        panel.runAndWait();
        Locator chart = panel.root().locator(".result-chart .chart-canvas").first();
        assertThat(chart.evaluate("e => e.$chart.options.animation")).isEqualTo(false);
        assertThat(chart.evaluate("e => e.$chart.options.plugins.tooltip.animation"))
                .isEqualTo(false);
        assertThat(page.locator(".pager a").first()).hasCSS("transition-duration", "1e-05s");

        page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.NO_PREFERENCE));
        assertThat(page.locator(".pager a").first()).hasCSS("transition-duration", "0s");
    }

    /** The top of the page as the learner first sees it: header, navigation, title and the first math. */
    private void shoot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve(name + ".png")));
    }

    /**
     * One simulation panel with its form, numbers and charts. The layout scrolls its content area, so
     * the viewport is stretched to the whole page first (as {@link BrowserSession#screenshot} does)
     * and the panel is cut out of it.
     */
    private void shoot(PanelObject panel, String name) {
        page.mouse().move(1, 999); // no tooltip over the picture
        int height = ((Number) page.evaluate("() => Math.max(document.documentElement.scrollHeight,"
                        + " ...[...document.querySelectorAll('main')].map(m => m.scrollHeight + 80))"))
                .intValue();
        var size = page.viewportSize();
        page.setViewportSize(size.width, Math.min(Math.max(height, size.height), 30_000));
        page.waitForTimeout(300); // the charts follow the new size
        panel.root()
                .screenshot(new Locator.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve(name + ".png")));
        page.setViewportSize(size.width, size.height);
    }

    private PanelObject openLesson() {
        page.navigate(url("/lessons/the-lagrangian"));
        page.locator(".katex").first().waitFor();
        return PanelObject.first(page, "pendulum");
    }

    private static String chartColour(PanelObject panel, String path) {
        Locator chart = panel.root().locator(".result-chart[data-chart='Angle'] .chart-canvas");
        String expression = path.startsWith("datasets")
                ? "e => String(e.$chart.data." + path + ")"
                : "e => String(e.$chart.options." + path + ")";
        return (String) chart.evaluate(expression);
    }

    /**
     * The font the canvas really draws the x ticks in: the chart's font set on a 2-D context, which
     * keeps its own "10px sans-serif" when the font given is not one a canvas understands.
     */
    private static String drawnFont(PanelObject panel) {
        Locator chart = panel.root().locator(".result-chart[data-chart='Angle'] .chart-canvas");
        return (String) chart.evaluate("e => { const c = document.createElement('canvas').getContext('2d');"
                + " c.font = e.$chart.scales.x._resolveTickFontOptions(0).string; return c.font; }");
    }

    /** Every entry of the energies' legend draws a line (width above 0), and the series differ by dash. */
    @SuppressWarnings("unchecked")
    private static void assertLegendDrawsLines(PanelObject panel) {
        Locator chart = panel.root().locator(".result-chart[data-chart='Energies'] .chart-canvas");
        var items = (List<Map<String, Object>>) chart.evaluate("e => e.$chart.legend.legendItems.map(i =>"
                + " ({ width: i.lineWidth, dash: (i.lineDash || []).join(' '), style: i.pointStyle }))");
        assertThat(items).hasSizeGreaterThan(1);
        assertThat(items).allMatch(i -> ((Number) i.get("width")).doubleValue() > 0, "a drawn line");
        assertThat(items.stream().map(i -> i.get("dash")).distinct().count()).isEqualTo(items.size());
    }

    /** Every text selector that shows something reaches 4.5:1 (WCAG 2.1 AA for normal text). */
    private void assertContrast(String display) {
        Map<String, Double> low = new java.util.TreeMap<>();
        for (String selector : TEXT) {
            Object ratio = page.evaluate(CONTRAST, selector);
            if (ratio instanceof Number n && n.doubleValue() < 4.5) {
                low.put(selector, Math.round(n.doubleValue() * 100) / 100.0);
            }
        }
        assertThat(low).as("text below 4.5:1 in the %s display", display).isEmpty();
    }
}
