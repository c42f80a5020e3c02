package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Module 5 in a real browser: both training simulations run from their lessons, their energy
 * surfaces play back frame by frame, and a frame read from the chart is the surface at that step.
 */
class TrainingBrowserIT extends PageTest {
    private static final String SURFACE = "Energy F(y) over training";
    /** Lesson 5.1: the collapse, played back; the first frame is shaped, the last one flat. */
    @Test
    void theCollapsePlaysBackFromAShapedSurfaceToAFlatOne() {
        page.navigate(url("/lessons/what-training-must-do"));
        PanelObject panel = PanelObject.first(page, "ebm-collapse");
        panel.root().scrollIntoViewIfNeeded();
        panel.runAndWait();
        assertThat(panel.root().locator(".run-status")).hasText("Done.");
        assertThat(panel.scalar("energySpread")).isLessThan(0.05);

        // The player starts on the last frame, the surface after training.
        assertThat(panel.frameCount(SURFACE)).isEqualTo(21);
        assertThat(panel.frameStep(SURFACE)).isEqualTo(300);
        double flat = panel.heatMapSpread(SURFACE);

        // Play: it starts again from step 0 and moves on by itself.
        panel.togglePlay(SURFACE);
        page.waitForCondition(() -> panel.frameStep(SURFACE) > 0 && panel.frameStep(SURFACE) < 300);
        panel.togglePlay(SURFACE);
        page.waitForCondition(() -> !panel.playing(SURFACE));

        // Read the first frame: the untrained surface has a spread many times the final one.
        panel.showFrame(SURFACE, 0);
        assertThat(panel.frameStep(SURFACE)).isZero();
        assertThat(panel.root().locator(".frame-step")).containsText("step 0");
        double shaped = panel.heatMapSpread(SURFACE);
        assertThat(shaped).isGreaterThan(20 * flat);
        BrowserSession.screenshot(page, "ebm-collapse-first-frame");
    }

    /** Lesson 5.2: contrastive divergence trains, and its frames play through to the last one. */
    @Test
    void contrastiveTrainingPlaysThroughToTheTrainedSurface() {
        page.navigate(url("/lessons/contrastive-methods"));
        PanelObject panel = PanelObject.first(page, "ebm-train-2d");
        panel.root().scrollIntoViewIfNeeded();
        panel.runAndWait();
        assertThat(panel.root().locator(".run-status")).hasText("Done.");
        assertThat(panel.scalar("uniformEnergy") - panel.scalar("dataEnergy")).isGreaterThan(3);
        assertThat(panel.scalar("sampleToDataDistance")).isLessThan(0.5 * panel.scalar("uniformToDataDistance"));

        panel.showFrame(SURFACE, 10);
        assertThat(panel.frameStep(SURFACE)).isEqualTo(150);
        panel.togglePlay(SURFACE);
        page.waitForCondition(
                () -> panel.frameStep(SURFACE) == 300 && !panel.playing(SURFACE),
                new Page.WaitForConditionOptions().setTimeout(30_000));
        assertThat(panel.heatMapSpread(SURFACE)).isGreaterThan(0.5);
        BrowserSession.screenshot(page, "ebm-train-2d-trained");
    }

    /** A row of the table of losses sets the panel's loss and trains with it. */
    @Test
    void aRowOfTheTableOfLossesTrainsWithItsLoss() {
        page.navigate(url("/lessons/contrastive-methods"));
        page.locator("a[href*='loss=hinge']").first().click();
        PanelObject panel = PanelObject.first(page, "ebm-train-2d");
        page.waitForCondition(
                () -> "1".equals(panel.root().getAttribute("data-finished-runs")),
                new Page.WaitForConditionOptions().setTimeout(90_000));
        assertThat(panel.chosen("loss")).isEqualTo("hinge (margin)");
        assertThat(panel.chosen("negatives")).isEqualTo("perturbed data");
        assertThat(panel.root().locator(".run-status")).hasText("Done.");
    }
}
