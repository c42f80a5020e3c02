package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Lesson 1.1 in a real browser: reading, running the pendulum, answering exercises, sharing links. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LessonBrowserIT {
    private static BrowserSession browser;

    @LocalServerPort
    int port;

    private Page page;
    private CspWatch csp;

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
        csp = CspWatch.on(page);
    }

    @AfterEach
    void closePage() {
        try {
            csp.assertNone(page.url());
        } finally {
            page.context().close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private PanelObject openLesson(String query) {
        page.navigate(url("/lessons/the-lagrangian" + query));
        page.locator(".katex").first().waitFor();
        PanelObject.settled(page);
        return PanelObject.first(page, "pendulum");
    }

    @Test
    void homePageListsTheCourseAndLeadsToTheLesson() {
        page.navigate(url("/"));
        assertThat(page.locator(".app-title").innerText()).contains("Energy Lab");
        Locator lesson = page.locator("a.lesson-link", new Page.LocatorOptions().setHasText("The Lagrangian"));
        assertThat(lesson.count()).isEqualTo(1);
        BrowserSession.screenshot(page, "home");
        lesson.click();
        page.waitForURL("**/lessons/the-lagrangian");
        assertThat(page.locator("main h1")).hasText("The Lagrangian");
    }

    /**
     * The drawer's navigation marks the page shown, follows a navigation made from it, and unfolds the
     * Simulations group (folded to begin with) when a simulation is shown; a module folds and unfolds.
     */
    @Test
    void theNavigationMarksTheCurrentPageAndFolds() {
        Locator current = page.locator(".course-nav a[aria-current=page]");
        page.navigate(url("/simulations/pendulum"));
        assertThat(current).hasText("Pendulum");
        assertThat(page.locator(".course-nav details:has(a[href='/simulations/pendulum'])"))
                .hasAttribute("open", "");

        page.locator(".course-nav a[href='/lessons/the-lagrangian']").click();
        page.waitForURL("**/lessons/the-lagrangian");
        assertThat(current).hasCount(1);
        assertThat(current).hasText("The Lagrangian");

        Locator module = page.locator(".course-nav details:has(a[href='/lessons/the-lagrangian'])");
        module.locator("summary").click();
        assertThat(module).not().hasAttribute("open", "");
        assertThat(module.locator("a[href='/lessons/the-lagrangian']")).isHidden();
        module.locator("summary").click();
        assertThat(module.locator("a[href='/lessons/the-lagrangian']")).isVisible();
    }

    /**
     * The drawer's button. On a wide screen the drawer starts shown beside the page and the button
     * hides it. On a narrow one it starts hidden; it opens over the page with the focus on the current
     * page's link and the page behind it inert, closes with Escape (the focus back on the button), and
     * closes when a link in it is chosen. Axe checks the narrow page with the drawer open and closed.
     */
    @Test
    void theDrawerHidesBesideThePageAndOpensOverItOnANarrowScreen() {
        Locator toggle = page.locator(".drawer-toggle");
        Locator drawer = page.locator("#course-drawer");
        page.navigate(url("/lessons/the-lagrangian"));
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(drawer).isVisible();
        toggle.click();
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(drawer).isHidden();
        toggle.click();
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(drawer).isVisible();

        page.setViewportSize(390, 800);
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(drawer).isHidden();
        toggle.press("Enter");
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(drawer).isVisible();
        assertThat(drawer.locator("a[aria-current=page]")).isFocused();
        assertThat(page.locator(".app-content")).hasAttribute("inert", "");
        BrowserSession.screenshot(page, "drawer-over-the-page");
        assertThat(AccessibilityIT.violations(page, "lesson at 390 px, drawer open"))
                .isEmpty();
        page.keyboard().press("Escape");
        assertThat(drawer).isHidden();
        assertThat(toggle).isFocused();
        assertThat(page.locator(".app-content")).not().hasAttribute("inert", "");

        toggle.click();
        drawer.locator("a[href='/lessons/gibbs-free-energy']").click();
        page.waitForURL("**/lessons/gibbs-free-energy");
        assertThat(page.locator("main h1")).hasText("Gibbs free energy");
        assertThat(drawer).isHidden();
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(AccessibilityIT.violations(page, "lesson at 390 px, drawer closed"))
                .isEmpty();
    }

    /**
     * A select's list of options, closed, does not measure itself while the lesson is built (each
     * measurement lays out the whole page, six selects in lesson 1.1); opened, it focuses the selected
     * option, and a choice made in it is taken.
     */
    @Test
    void closedSelectsDoNotMeasureThePage() {
        page.addInitScript("window.__measured = 0; const rect = Element.prototype.getBoundingClientRect;"
                + " Element.prototype.getBoundingClientRect = function () {"
                + " if (this.closest('vaadin-select-list-box')) { window.__measured++; } return rect.call(this); };");
        PanelObject panel = openLesson("");
        assertThat(page.evaluate("() => window.__measured")).isEqualTo(0);

        page.locator("#param-planet").first().click();
        assertThat(page.locator("vaadin-select-overlay[opened] vaadin-select-item[selected]"))
                .isFocused();
        page.keyboard().press("Escape");
        panel.choose("planet", "Moon");
        assertThat(panel.chosen("planet")).isEqualTo("Moon");
    }

    /**
     * Formulas are typeset while the page loads, those near the screen first; until then a formula is
     * hidden. A watcher in the page looks at every frame of the load, until every formula is typeset,
     * for a formula shown as its TeX. (With the hiding rule overridden it reports the objectives'
     * {@code L = T - V}.)
     */
    @Test
    void rawTexIsNeverOnScreenWhileTheLessonLoads() {
        page.addInitScript("window.__rawTex = null; window.__watching = true;"
                + " const until = performance.now() + 30000;"
                + " const look = () => { const waiting = document.querySelectorAll('.math:not([data-typeset])');"
                + " for (const m of waiting) {"
                + " if (getComputedStyle(m).visibility !== 'hidden' && m.getClientRects().length > 0) {"
                + " window.__rawTex = window.__rawTex || m.textContent; } }"
                + " const done = document.querySelector('.math') && waiting.length === 0;"
                + " if (!done && performance.now() < until) { requestAnimationFrame(look); }"
                + " else { window.__watching = false; } }; requestAnimationFrame(look);");
        page.navigate(url("/lessons/the-lagrangian"));
        page.waitForCondition(() -> Boolean.FALSE.equals(page.evaluate("() => window.__watching")));
        assertThat(page.locator(".math:not([data-typeset])").count()).isZero();
        assertThat(page.evaluate("() => window.__rawTex")).isNull();
    }

    @Test
    void mathIsTypesetAndNoRawTexIsLeft() {
        openLesson("");
        page.waitForCondition(() -> page.locator(".math").count() > 0
                && page.locator(".math:not([data-typeset])").count() == 0);
        assertThat(page.locator(".katex").count()).isGreaterThan(20);
        assertThat(page.locator(".katex-display").count()).isGreaterThan(3);
        String text = page.locator("main").innerText();
        assertThat(text).doesNotContain("$$").doesNotContain("\\frac").doesNotContain("\\theta");
        assertThat(page.locator(".prose img").first().evaluate("i => i.naturalWidth"))
                .isNotEqualTo(0);
        BrowserSession.screenshot(page, "lesson-the-lagrangian");
    }

    @Test
    void runningThePendulumGivesTheExactLargeAmplitudePeriod() {
        PanelObject panel = openLesson("");
        panel.fill("theta0", "2.0");
        panel.choose("integrator", "Velocity Verlet");
        panel.fill("dt", "0.001");
        panel.runAndWait();

        double k = Math.sin(2.0 / 2);
        double exact = 4 * Math.sqrt(1 / 9.81) * ellipticK(k);
        assertThat(panel.scalar("period")).isCloseTo(exact, within(exact * 1e-3));
        assertThat(panel.scalar("energyDrift")).isLessThan(1e-3);
        assertThat(panel.chartPoints("Angle")).isGreaterThan(100);
        assertThat(panel.axisTitle("Angle", "x")).isEqualTo("time t (s)");
        assertThat(panel.axisTitle("Angle", "y")).isEqualTo("angle θ (rad)");
        assertThat(page.url()).contains("theta0=2.0").contains("integrator=velocity-verlet");
        panel.root().scrollIntoViewIfNeeded();
        BrowserSession.screenshot(page, "lesson-after-run");
    }

    @Test
    void anOutOfRangeValueIsExplainedBesideTheField() {
        PanelObject panel = openLesson("");
        panel.fill("theta0", "5");
        assertThat(panel.error("theta0")).contains("between -3.1 and 3.1");
        panel.root().locator("vaadin-button.run").click();
        assertThat(panel.root().locator(".run-status")).containsText("Fix the highlighted fields");
        assertThat(panel.root().locator(".scalar").count()).isZero();
        panel.root().scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSession.SCREENSHOTS.resolve("invalid-field.png")));
    }

    @Test
    void exercisesGiveFeedbackHintsAndExplanations() {
        openLesson("");
        Locator choice = page.locator(".exercise[data-exercise=period-and-mass]");
        choice.locator("vaadin-radio-button").nth(0).click();
        choice.locator("vaadin-button.exercise-check").click();
        assertThat(choice.locator(".exercise-feedback")).hasText("Not quite.");
        assertThat(choice.locator(".exercise-hint")).containsText("Hint");
        choice.locator("vaadin-radio-button").nth(2).click();
        choice.locator("vaadin-button.exercise-check").click();
        assertThat(choice.locator(".exercise-feedback")).hasText("Correct.");
        assertThat(choice.locator(".exercise-explanation .katex").first()).isVisible();

        Locator numeric = page.locator(".exercise[data-exercise=planet-x]");
        numeric.locator("vaadin-text-field input").fill("9.81");
        numeric.locator("vaadin-button.exercise-check").click();
        assertThat(numeric.locator(".exercise-feedback")).hasText("Too high.");
        numeric.locator("vaadin-text-field input").fill("5.45");
        numeric.locator("vaadin-button.exercise-check").click();
        assertThat(numeric.locator(".exercise-feedback")).hasText("Correct.");

        // Graded from the learner's own run: 200 s at Δt = 0.05 with an integrator that keeps energy.
        PanelObject panel = PanelObject.first(page, "pendulum");
        panel.fill("duration", "200");
        panel.fill("dt", "0.05");
        panel.choose("integrator", "Explicit Euler");
        panel.runAndWait();
        Locator run = page.locator(".exercise[data-exercise=conserve-energy]");
        assertThat(run.locator(".exercise-feedback")).containsText("does not meet the goal");
        panel.choose("integrator", "Velocity Verlet");
        panel.runAndWait();
        assertThat(run.locator(".exercise-feedback")).containsText("goal met");
        run.scrollIntoViewIfNeeded();
        BrowserSession.screenshot(page, "lesson-exercises");

        // Answers are remembered within the browser session.
        page.reload();
        page.locator(".katex").first().waitFor();
        assertThat(page.locator(".exercise[data-exercise=planet-x] .exercise-feedback"))
                .hasText("Correct.");
    }

    @Test
    void aSharedLinkRestoresTheParameters() {
        PanelObject panel = openLesson("?theta0=2.5&integrator=velocity-verlet&length=2");
        assertThat(panel.value("theta0")).isEqualTo("2.5");
        assertThat(panel.value("length")).isEqualTo("2");
        assertThat(panel.chosen("integrator")).isEqualTo("Velocity Verlet");

        page.navigate(url("/simulations/pendulum?theta0=1.5&damping=0.5"));
        PanelObject own = PanelObject.first(page, "pendulum");
        assertThat(own.value("theta0")).isEqualTo("1.5");
        assertThat(own.value("damping")).isEqualTo("0.5");
        own.runAndWait();
        assertThat(own.chartPoints("Energies")).isGreaterThan(100);
        BrowserSession.screenshot(page, "simulation-pendulum");

        Locator energies = own.root().locator(".result-chart[data-chart='Energies']");
        Download csv =
                page.waitForDownload(() -> energies.locator("a.export-csv").click());
        assertThat(csv.suggestedFilename()).isEqualTo("pendulum-energies.csv");
        String text = readDownload(csv);
        assertThat(text).contains("series,x,y").contains("\nkinetic,0.0,").contains("\nlagrangian,");
        // 20 s at Δt = 0.01: all 2001 points of each of the four energy series, at full resolution.
        assertThat(text.lines().filter(l -> l.startsWith("energy,")).count()).isEqualTo(2001);
        Download png = page.waitForDownload(
                () -> energies.locator("vaadin-button.export-png").click());
        assertThat(png.suggestedFilename()).isEqualTo("pendulum-energies.png");
        assertThat(readDownload(png)).startsWith("\u0089PNG");

        page.navigate(url("/simulations"));
        assertThat(page.locator("main a[href='/simulations/pendulum']")).hasText("Pendulum");
        BrowserSession.screenshot(page, "simulations");
    }

    private static String readDownload(Download download) {
        try {
            return new String(Files.readAllBytes(download.path()), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** K(k) = ∫₀^{π/2} dφ / √(1 − k² sin²φ) = π / (2 AGM(1, √(1 − k²))). */
    static double ellipticK(double k) {
        double a = 1;
        double b = Math.sqrt(1 - k * k);
        while (Math.abs(a - b) > 1e-15) {
            double mean = (a + b) / 2;
            b = Math.sqrt(a * b);
            a = mean;
        }
        return Math.PI / (2 * a);
    }
}
