package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.stream.Stream;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks the whole course as a learner would: every lesson opens with its math typeset, every
 * simulation embedded in it runs with the lesson's settings and fills its charts and heat maps, and
 * every simulation's own page runs with the defaults. New lessons and simulations are covered
 * without a new test. No page reports a Content-Security-Policy violation. Each page is saved to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CourseWalkIT {
    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    CourseCatalog catalog;

    @Autowired
    SimulationRegistry simulations;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @TestFactory
    Stream<DynamicTest> everyLessonReadsAndRuns() {
        assertThat(catalog.problems()).isEmpty();
        return catalog.lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> walk(lesson)));
    }

    @TestFactory
    Stream<DynamicTest> everySimulationRunsOnItsOwnPage() {
        return simulations.all().stream().map(s -> DynamicTest.dynamicTest(s.id(), () -> runOwnPage(s)));
    }

    /** Lesson 2.2: moving the β slider and running again changes the distribution as it should. */
    @Test
    void theBetaSliderReshapesTheBoltzmannDistribution() {
        Page page = browser.newPage();
        try {
            page.navigate("http://localhost:" + port + "/lessons/boltzmann-distribution");
            PanelObject panel = PanelObject.first(page, "boltzmann");
            panel.fill("beta", "1");
            panel.runAndWait();
            double warmPeak = panel.chartMax("Boltzmann distribution");
            double warmEntropy = panel.scalar("entropy");
            panel.slide("beta", 1.0); // the right end of the log slider: β = 100
            assertThat(panel.root().locator("#param-beta input")).hasValue("100");
            panel.runAndWait();
            // Colder: the distribution narrows onto the minimum, so its peak rises and its entropy falls.
            assertThat(panel.chartMax("Boltzmann distribution")).isGreaterThan(3 * warmPeak);
            assertThat(panel.scalar("entropy")).isLessThan(warmEntropy - 1);
            assertThat(page.url()).contains("beta=100");
            BrowserSession.screenshot(page, "boltzmann-cold");
        } finally {
            page.context().close();
        }
    }

    /** Lesson 4.2: from hot to cold, the free-energy map turns from one bowl into the ellipse's valley. */
    @Test
    void theBetaSliderChangesTheFreeEnergyMap() {
        Page page = browser.newPage();
        try {
            page.navigate("http://localhost:" + port + "/simulations/latent-ebm?beta=0.01");
            PanelObject panel = PanelObject.first(page, "latent-ebm");
            panel.runAndWait();
            String map = "Free energy F_β(y) at the chosen β";
            double[] hot = panel.heatMapRange(map);
            double hotGap = panel.scalar("freeEnergy") - panel.scalar("freeEnergyZeroTemperature");
            panel.slide("beta", 1.0); // β = 1000
            panel.runAndWait();
            double[] cold = panel.heatMapRange(map);
            double coldGap = panel.scalar("freeEnergy") - panel.scalar("freeEnergyZeroTemperature");
            // Hot: F_β is the mean energy over z, large everywhere; cold: F_β ≈ min_z E, zero on the ellipse.
            assertThat(hot[0]).isGreaterThan(0.5);
            assertThat(cold[0]).isLessThan(0.01);
            assertThat(coldGap).isLessThan(0.01).isLessThan(hotGap / 10);
            BrowserSession.screenshot(page, "latent-ebm-cold");
        } finally {
            page.context().close();
        }
    }

    private void walk(Lesson lesson) {
        Page page = browser.newPage();
        CspWatch csp = CspWatch.on(page);
        try {
            page.navigate("http://localhost:" + port + "/lessons/" + lesson.id());
            assertThat(page.locator("main h1")).hasText(lesson.title());
            page.waitForCondition(
                    () -> page.locator(".math:not([data-typeset])").count() == 0);
            assertThat(page.locator(".katex-error")).hasCount(0);
            String text = page.locator("main").innerText();
            assertThat(text).doesNotContain("$$").doesNotContain("\\frac");
            Locator panels = page.locator(".simulation-panel");
            for (int i = 0; i < panels.count(); i++) {
                runAndCheck(page, new PanelObject(page, panels.nth(i)));
            }
            assertThat(page.locator(".exercise")).hasCount(lesson.exercises().size());
            BrowserSession.screenshot(page, "lesson-" + lesson.id());
            csp.assertNone("lesson " + lesson.id());
        } finally {
            page.context().close();
        }
    }

    private void runOwnPage(Simulation simulation) {
        Page page = browser.newPage();
        CspWatch csp = CspWatch.on(page);
        try {
            page.navigate("http://localhost:" + port + "/simulations/" + simulation.id());
            runAndCheck(page, PanelObject.first(page, simulation.id()));
            BrowserSession.screenshot(page, "simulation-" + simulation.id());
            csp.assertNone("the page of " + simulation.id());
        } finally {
            page.context().close();
        }
    }

    /** Runs a panel and checks that every visible chart shows data, with titled axes. */
    private static void runAndCheck(Page page, PanelObject panel) {
        panel.root().scrollIntoViewIfNeeded();
        panel.runAndWait();
        assertThat(panel.root().locator(".run-status")).hasText("Done.");
        Locator charts = panel.root().locator(".result-chart:visible .chart-canvas");
        assertThat(charts.count()).isGreaterThan(0);
        for (int i = 0; i < charts.count(); i++) {
            Locator chart = charts.nth(i);
            page.waitForCondition(() -> (Boolean) chart.evaluate("e => !!e.$chart && (e.dataset.heatmap === 'true'"
                    + " || e.$chart.data.datasets.some(d => d.data.length > 0))"));
            assertThat((String) chart.evaluate("e => e.$chart.options.scales.x.title.text"))
                    .isNotBlank();
            assertThat((String) chart.evaluate("e => e.$chart.options.scales.y.title.text"))
                    .isNotBlank();
        }
    }
}
