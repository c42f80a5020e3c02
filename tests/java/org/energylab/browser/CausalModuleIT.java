package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

/**
 * Module 6 in a real browser: each simulation run from its lesson page gives the numbers the lesson
 * promises for the form's seed (42), the causal graph is drawn, and a simulation exercise is graded
 * from the learner's own run.
 */
class CausalModuleIT extends PageTest {
    private void openLesson(String id) {
        page.navigate(url("/lessons/" + id));
        page.locator(".katex").first().waitFor();
    }

    /** Lesson 6.1: the naive slope is biased by a·b·σ_z²/Var(x) = 0.5; adjusting and intervening recover c. */
    @Test
    void theConfoundingLessonShowsTheBiasAndItsTwoCures() {
        openLesson("latent-as-confounder");
        Locator graph = page.locator("main img[src*='confounder-graph.svg']");
        assertThat(graph).isVisible();
        page.waitForCondition(() -> (Boolean) graph.evaluate("e => e.complete && e.naturalWidth > 0"));

        PanelObject panel = PanelObject.first(page, "confounding");
        panel.root().scrollIntoViewIfNeeded();
        panel.runAndWait();
        assertThat(panel.scalar("analyticBias")).isCloseTo(0.5, within(1e-9));
        assertThat(panel.scalar("naiveEstimate")).isCloseTo(0.981, within(0.001));
        assertThat(panel.scalar("adjustedLow")).isLessThan(0.5);
        assertThat(panel.scalar("adjustedHigh")).isGreaterThan(0.5);
        assertThat(panel.scalar("interventionalLow")).isLessThan(0.5);
        assertThat(panel.scalar("interventionalHigh")).isGreaterThan(0.5);
        assertThat(panel.scalar("naiveLow")).isGreaterThan(0.5);
        assertThat(panel.chartPoints("Observed: y against x")).isEqualTo(500);
        assertThat(panel.chartPoints("The three estimates as the sample grows")).isGreaterThan(20);
        assertThat(panel.axisTitle("The three estimates as the sample grows", "x"))
                .isEqualTo("samples n");

        // One missing arrow closes the back door.
        panel.fill("a", "0");
        panel.runAndWait();
        assertThat(panel.scalar("analyticBias")).isZero();
        assertThat(panel.scalar("naiveLow")).isLessThan(0.5);
        assertThat(panel.scalar("naiveHigh")).isGreaterThan(0.5);
        BrowserSession.screenshot(page, "causal-confounding");
    }

    /** Exercise "wrong-sign", graded from the learner's runs: the defaults miss it, b = −2 meets it. */
    @Test
    void theWrongSignExerciseIsGradedFromTheLearnersRun() {
        openLesson("latent-as-confounder");
        PanelObject panel = PanelObject.first(page, "confounding");
        panel.root().scrollIntoViewIfNeeded();
        panel.runAndWait();
        Locator exercise = page.locator(".exercise[data-exercise=wrong-sign]");
        assertThat(exercise.locator(".exercise-feedback")).containsText("does not meet the goal");
        panel.fill("b", "-2");
        panel.runAndWait();
        assertThat(panel.scalar("naiveHigh")).isLessThan(0);
        assertThat(exercise.locator(".exercise-feedback")).containsText("goal met");
        exercise.scrollIntoViewIfNeeded();
        BrowserSession.screenshot(page, "causal-wrong-sign");
    }

    /** Lesson 6.2: the implied effect crosses zero at s* = Cov(x, y)/σ_z², about 2 with the defaults. */
    @Test
    void theSensitivityLessonFindsTheExplainAwayStrength() {
        openLesson("sensitivity-analysis");
        PanelObject panel = PanelObject.first(page, "sensitivity");
        panel.root().scrollIntoViewIfNeeded();
        panel.runAndWait();
        double explainAway = panel.scalar("explainAwayStrength");
        assertThat(explainAway).isCloseTo(1.988, within(0.001));
        assertThat(explainAway).isCloseTo(panel.scalar("naiveEstimate") * panel.scalar("xVariance"), within(1e-9));
        assertThat(panel.chartPoints("Implied effect against the assumed confounder strength"))
                .isEqualTo(201);
        assertThat(panel.chartPoints("Bias against the confounder's spread (its capacity)"))
                .isEqualTo(201);
        BrowserSession.screenshot(page, "causal-sensitivity");
    }

    /**
     * Lesson 6.3: the mean reaches the bound σ²/n, the median only 2/π of it; the slope's information is a
     * third of the mean's.
     */
    @Test
    void theFisherLessonSetsTheVarianceBesideTheBound() {
        openLesson("fisher-information");
        PanelObject panel = PanelObject.first(page, "fisher");
        panel.root().scrollIntoViewIfNeeded();
        panel.runAndWait();
        assertThat(panel.scalar("fisherInformation")).isCloseTo(1, within(1e-12));
        assertThat(panel.scalar("cramerRaoBound")).isCloseTo(0.001, within(1e-12));
        assertThat(panel.scalar("efficiency")).isBetween(0.8, 1.2);
        assertThat(panel.chartPoints("Variance of the estimate against n")).isGreaterThan(15);

        panel.choose("model", "Regression slope");
        panel.runAndWait();
        assertThat(panel.scalar("fisherInformation"))
                .isCloseTo((1000.0 * 1000 - 1) / (3.0 * 1000 * 1000), within(1e-9));
        assertThat(panel.scalar("cramerRaoBound")).isCloseTo(3 * 1000.0 / (1000.0 * 1000 - 1), within(1e-9));

        // The lesson's third panel: the same data estimated by the median, about π/2 above the bound.
        PanelObject median = new PanelObject(
                page, page.locator(".simulation-panel[data-simulation=fisher]").nth(2));
        median.root().scrollIntoViewIfNeeded();
        median.runAndWait();
        assertThat(median.scalar("cramerRaoBound")).isCloseTo(0.001, within(1e-12));
        assertThat(median.scalar("efficiency")).isBetween(0.5, 0.8);
        BrowserSession.screenshot(page, "causal-fisher");
    }
}
