package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Module 5 in a real browser: lesson 5.3 with its regularised models and its exercises graded from
 * the learner's run, and the comparison page, which puts two runs of one simulation side by side on
 * the same data and seed (for ebm-regularized and for the latent-variable ellipse of lesson 4.2).
 */
class TrainingModuleIT extends PageTest {
    private static final Pattern ANY = Pattern.compile(".*");
    private static final String ENERGY_MAP = "Energy F(y) = min_z E(y, z)";

    /** The n-th panel of a simulation on the page, counting from 0. */
    private PanelObject panel(String simulation, int n) {
        return new PanelObject(
                page,
                page.locator(".simulation-panel[data-simulation=" + simulation + "]")
                        .nth(n));
    }

    /** The panel of one side of the comparison page, "a" or "b". */
    private PanelObject side(String side) {
        return new PanelObject(page, page.locator(".comparison-side[data-side=" + side + "] .simulation-panel"));
    }

    @Test
    void theLessonShowsItsDiagramsAndKMeansHasZeroEnergyAtItsCentroids() {
        page.navigate(url("/lessons/regularised-methods"));
        assertThat(page.locator("main h1")).hasText("Regularised and architectural methods");
        page.waitForCondition(() -> page.locator(".math:not([data-typeset])").count() == 0);
        Locator images = page.locator(".prose img");
        assertThat(images).hasCount(2);
        for (int i = 0; i < images.count(); i++) {
            Locator image = images.nth(i);
            image.scrollIntoViewIfNeeded();
            page.waitForCondition(() -> ((Number) image.evaluate("i => i.naturalWidth")).intValue() > 0);
        }

        PanelObject kmeans = panel("ebm-regularized", 1);
        kmeans.root().scrollIntoViewIfNeeded();
        kmeans.runAndWait();
        assertThat(kmeans.scalar("centroidEnergy")).isZero();
        // Eight discs of radius √0.1 in the square of side 5: 8π·0.1/25 ≈ 0.10, up to the grid.
        assertThat(kmeans.scalar("lowEnergyVolume")).isCloseTo(0.1005, within(0.01));
        assertThat(kmeans.scalar("dataCoverage")).isGreaterThan(0.95);
        double[] range = kmeans.heatMapRange(ENERGY_MAP);
        assertThat(range[0]).isLessThan(0.01);
        assertThat(kmeans.chartPoints("Low-energy volume against capacity")).isGreaterThanOrEqualTo(12);
        BrowserSession.screenshot(page, "lesson-regularised-methods-kmeans");
    }

    @Test
    void theSpiralExerciseIsGradedFromTheLearnersOwnRun() {
        page.navigate(url("/lessons/regularised-methods"));
        page.locator(".katex").first().waitFor();
        PanelObject.settled(page);
        Locator numeric = page.locator(".exercise[data-exercise=eight-discs]");
        numeric.locator("vaadin-text-field input").fill("0.1");
        numeric.locator("vaadin-button.exercise-check").click();
        assertThat(numeric.locator(".exercise-feedback")).hasText("Correct.");

        PanelObject kmeans = panel("ebm-regularized", 1);
        kmeans.root().scrollIntoViewIfNeeded();
        kmeans.choose("dataset", "spiral");
        kmeans.runAndWait();
        Locator exercise = page.locator(".exercise[data-exercise=cover-the-spiral]");
        // Eight centroids cover about two thirds of the spiral's points: not enough.
        assertThat(exercise.locator(".exercise-feedback")).containsText("does not meet the goal");
        kmeans.fill("clusters", "16");
        kmeans.runAndWait();
        assertThat(kmeans.scalar("dataCoverage")).isGreaterThanOrEqualTo(0.95);
        assertThat(exercise.locator(".exercise-feedback")).containsText("goal met");
        exercise.scrollIntoViewIfNeeded();
        BrowserSession.screenshot(page, "lesson-regularised-methods-exercises");
    }

    @Test
    void theComparisonPageRunsTwoMethodsOnTheSameDataAndSeed() {
        page.navigate(url("/compare/ebm-regularized?dataset=rings&a.method=pca&b.method=kmeans&b.clusters=24"));
        PanelObject a = side("a");
        PanelObject b = side("b");
        assertThat(a.chosen("method")).startsWith("PCA");
        assertThat(b.chosen("method")).startsWith("K-means");
        assertThat(b.value("clusters")).isEqualTo("24");
        // The data set and the seed are set on A; B shows them, greyed out.
        assertThat(a.chosen("dataset")).isEqualTo("two rings");
        assertThat(b.chosen("dataset")).isEqualTo("two rings");
        assertThat(b.root().locator("#param-dataset")).hasAttribute("disabled", ANY);
        assertThat(b.root().locator("#param-seed")).hasAttribute("disabled", ANY);
        assertThat(a.root().locator("#param-dataset")).not().hasAttribute("disabled", ANY);
        a.fill("seed", "7");
        page.waitForCondition(() -> b.value("seed").equals("7"));

        page.locator("vaadin-button.run-both").click();
        page.waitForCondition(
                () -> "1".equals(a.root().getAttribute("data-finished-runs"))
                        && "1".equals(b.root().getAttribute("data-finished-runs")),
                new Page.WaitForConditionOptions().setTimeout(90_000));
        double bandVolume = a.scalar("lowEnergyVolume");
        double discsVolume = b.scalar("lowEnergyVolume");
        // PCA's band covers few points of two rings; 24 centroids cover most of them with more volume.
        assertThat(a.scalar("dataCoverage")).isLessThan(0.5);
        assertThat(b.scalar("dataCoverage")).isGreaterThan(0.85);
        assertThat(discsVolume).isGreaterThan(bandVolume);
        assertThat(a.heatMapRange(ENERGY_MAP)[1]).isGreaterThan(1);
        assertThat(b.heatMapRange(ENERGY_MAP)[0]).isLessThan(0.01);
        // The two maps sit side by side: B's chart starts to the right of A's, at about the same height.
        var boxA = a.root()
                .locator(".result-chart[data-chart='" + ENERGY_MAP + "']")
                .boundingBox();
        var boxB = b.root()
                .locator(".result-chart[data-chart='" + ENERGY_MAP + "']")
                .boundingBox();
        assertThat(boxB.x).isGreaterThanOrEqualTo(boxA.x + boxA.width);
        assertThat(boxB.y).isCloseTo(boxA.y, within(boxA.height / 2));
        BrowserSession.screenshot(page, "compare-ebm-regularized");

        a.choose("dataset", "two moons");
        page.waitForCondition(() -> b.chosen("dataset").equals("two moons"));
    }

    @Test
    void anyHeatMapSimulationCanBeComparedAndItsOwnPageLinksToTheComparison() {
        page.navigate(url("/simulations/latent-ebm"));
        Locator link = page.locator("a.compare-link");
        assertThat(link).hasAttribute("href", "/compare/latent-ebm");
        link.click();
        page.waitForURL("**/compare/latent-ebm");

        page.navigate(url("/compare/latent-ebm?a.beta=0.01&b.beta=1000"));
        PanelObject hot = side("a");
        PanelObject cold = side("b");
        page.locator("vaadin-button.run-both").click();
        page.waitForCondition(
                () -> "1".equals(hot.root().getAttribute("data-finished-runs"))
                        && "1".equals(cold.root().getAttribute("data-finished-runs")),
                new Page.WaitForConditionOptions().setTimeout(90_000));
        String map = "Free energy F_β(y) at the chosen β";
        // Hot: F_β is the mean energy over z, large everywhere; cold: F_β ≈ min_z E, zero on the ellipse.
        assertThat(hot.heatMapRange(map)[0]).isGreaterThan(0.5);
        assertThat(cold.heatMapRange(map)[0]).isLessThan(0.01);
        BrowserSession.screenshot(page, "compare-latent-ebm");

        page.navigate(url("/simulations/pendulum"));
        PanelObject.first(page, "pendulum").root().waitFor();
        assertThat(page.locator("a.compare-link")).hasCount(0);
    }
}
