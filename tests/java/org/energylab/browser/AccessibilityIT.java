package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.energylab.lesson.CourseCatalog;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of the application passes axe-core's WCAG 2.1 A and AA rules with no violation of any
 * impact: the course overview, every lesson, the simulation index and every simulation's page, the
 * comparison page of every simulation that has one, and the not-found page. A lesson is checked
 * again after a run, with its charts drawn, a chart's data table shown and exercise feedback on
 * screen. One page is reused throughout; the report lists every violation of every page at once.
 */
class AccessibilityIT extends PageTest {
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Autowired
    CourseCatalog catalog;

    @Autowired
    SimulationRegistry simulations;

    @Test
    void everyPagePassesAxe() {
        List<String> lessons =
                catalog.lessons().stream().map(l -> "/lessons/" + l.id()).toList();
        List<String> simulationPages =
                simulations.all().stream().map(s -> "/simulations/" + s.id()).toList();
        List<String> comparisons = simulations.all().stream()
                .filter(AccessibilityIT::comparable)
                .map(s -> "/compare/" + s.id())
                .toList();
        // One page of each kind first, so that a broken kind shows early; then all the others.
        List<String> paths = new ArrayList<>(List.of(
                "/", lessons.get(0), "/simulations", simulationPages.get(0), comparisons.get(0), "/no-such-page"));
        paths.add(lessons.get(lessons.size() - 1));
        // The course's other pages: the notation, signing in and signing up.
        paths.addAll(List.of("/lessons/notation", "/login", "/signup"));
        java.util.stream.Stream.of(lessons, simulationPages, comparisons)
                .flatMap(List::stream)
                .filter(path -> !paths.contains(path))
                .forEach(paths::add);
        assertThat(paths).hasSizeGreaterThan(20);
        // -Daxe.pages=/lessons/a,/compare/b checks only those pages, for a quick look while fixing.
        String only = System.getProperty("axe.pages", "");
        if (!only.isBlank()) {
            paths.retainAll(List.of(only.split(",")));
            assertThat(paths).as("pages named in axe.pages").isNotEmpty();
        }

        List<String> report = new ArrayList<>();
        long start = System.nanoTime();
        for (String path : paths) {
            long pageStart = System.nanoTime();
            page.navigate(url(path));
            if (path.equals("/no-such-page")) {
                assertThat(page.locator("main h2")).hasText("Page not found");
            } else {
                waitUntilRendered();
            }
            report.addAll(violations(page, path));
            System.out.printf("axe: %s checked in %.1f s%n", path, (System.nanoTime() - pageStart) / 1e9);
            if (path.equals("/lessons/the-lagrangian")) {
                BrowserSession.screenshot(page, "a11y-lesson-the-lagrangian");
            }
        }
        System.out.printf("axe checked %d pages in %.1f s%n", paths.size(), (System.nanoTime() - start) / 1e9);
        assertThat(report).as("axe-core WCAG 2.1 A/AA violations").isEmpty();
    }

    @Test
    void aLessonAfterARunPassesAxe() {
        page.navigate(url("/lessons/the-lagrangian"));
        waitUntilRendered();
        Locator choice = page.locator(".exercise[data-exercise=period-and-mass]");
        choice.locator("vaadin-radio-button").nth(0).click();
        choice.locator("vaadin-button.exercise-check").click();
        assertThat(choice.locator(".exercise-feedback")).hasText("Not quite.");
        PanelObject panel = PanelObject.first(page, "pendulum");
        panel.runAndWait();
        assertThat(panel.root().locator(".scalar").first()).isVisible();
        assertThat(page.locator(".exercise[data-exercise=conserve-energy] .exercise-feedback"))
                .not()
                .isEmpty();
        List<String> report = new ArrayList<>(violations(page, "/lessons/the-lagrangian after a run"));

        // The energies chart: its description names the axes; its table has the chart's own columns.
        Locator chart = panel.root().locator(".result-chart" + PanelObject.chartAttribute("Energies"));
        Locator canvas = chart.locator(".chart-canvas");
        assertThat(canvas).hasAttribute("role", "img");
        String described = canvas.getAttribute("aria-describedby");
        assertThat(page.locator("#" + described))
                .hasText(java.util.regex.Pattern.compile("Horizontal axis: .+ from .+"));
        Locator toggle = chart.locator("vaadin-button.chart-table-toggle");
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        toggle.click();
        Locator table = chart.locator("table.chart-table");
        assertThat(table).isVisible();
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(toggle).hasText("Hide table");
        @SuppressWarnings("unchecked")
        List<String> expected = (List<String>) canvas.evaluate(
                "e => [e.$chart.options.scales.x.title.text, ...e.$chart.data.datasets.map(d => d.label)]");
        assertThat(table.locator("thead th").allInnerTexts()).isEqualTo(expected);
        int drawn = panel.chartPoints("Energies");
        assertThat(table.locator("tbody tr")).hasCount(Math.min(drawn, 100));
        chart.screenshot(
                new Locator.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve("chart-table-shown.png")));
        report.addAll(violations(page, "/lessons/the-lagrangian with a chart table shown"));
        assertThat(report).as("axe-core WCAG 2.1 A/AA violations").isEmpty();
    }

    private void waitUntilRendered() {
        page.locator("h1").first().waitFor();
        page.waitForCondition(() -> page.locator(".math:not([data-typeset])").count() == 0);
        // Charts are drawn by the connector once the server's first response has been applied.
        page.waitForCondition(
                () -> page.locator(".chart-canvas:not(:has(canvas))").count() == 0);
        PanelObject.settled(page);
    }

    /**
     * One line per failing element of the page as it is now: page, rule, impact, target and what axe
     * says is wrong. Other browser tests use it for the pages this class cannot reach (signed in).
     */
    static List<String> violations(Page page, String where) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : new AxeBuilder(page).options(wcag21aa()).analyze().getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                lines.add(String.format(
                        "%s: %s (%s) at %s: %s",
                        where,
                        rule.getId(),
                        rule.getImpact(),
                        node.getTarget(),
                        node.getFailureSummary().replace('\n', ' ')));
            }
        }
        lines.forEach(System.out::println);
        return lines;
    }

    /** The WCAG 2.1 A and AA rules, reporting violations only (passes are not needed and slow axe down). */
    private static AxeRunOptions wcag21aa() {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(WCAG_21_AA);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        return options;
    }

    private static boolean comparable(Simulation simulation) {
        return simulation.charts().stream().map(ChartSpec::grid).anyMatch(grid -> grid != null);
    }
}
