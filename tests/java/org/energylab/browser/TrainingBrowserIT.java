package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
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

    /**
     * Lesson 5.2: the energy surface is drawn while the network trains, long before the result. The
     * browser itself notes when the heat map first appears after the click, and whether it was the
     * run's preview; the times are printed (measured, not asserted), once for the default run and once
     * for a run of 1500 steps, long enough that the preview cannot arrive together with the result.
     */
    @Test
    void theSurfaceIsDrawnWhileTheNetworkTrains() {
        page.navigate(url("/lessons/contrastive-methods"));
        PanelObject panel = PanelObject.first(page, "ebm-train-2d");
        panel.root().scrollIntoViewIfNeeded();
        // Each with its own seed, so that no run is answered from the cache of results.
        String[][] runs = {{"300", "11"}, {"300", "12"}, {"1500", "13"}};
        for (String[] run : runs) {
            String steps = run[0];
            panel.fill("steps", steps);
            panel.fill("seed", run[1]);
            watchFirstHeatMap(panel);
            panel.runAndWait();
            Map<?, ?> seen = (Map<?, ?>) panel.root().evaluate("p => p.$firstMap");
            System.out.printf(
                    "ebm-train-2d, %s steps: first heat map %s ms after the click (preview: %s), result %s ms%n",
                    steps, seen.get("map"), seen.get("preview"), seen.get("done"));
            if (steps.equals("1500")) {
                assertThat(seen.get("preview")).isEqualTo(true);
            }
        }
        BrowserSession.screenshot(page, "ebm-train-2d-after-run");

        // And a screenshot while it trains: the preview drawn, the run still going.
        panel.fill("steps", "3000");
        panel.fill("seed", "14");
        panel.root().locator("vaadin-button.run").click();
        Locator chart = panel.root().locator(".result-chart" + PanelObject.chartAttribute(SURFACE));
        // Preview and running state are read together, in the page, on every frame: a check made after
        // the screenshot would race the end of the run on a loaded machine.
        chart.waitFor();
        page.waitForFunction(
                "c => c.getAttribute('data-preview') === 'true'"
                        + " && c.closest('[data-running]')?.getAttribute('data-running') === 'true'",
                chart.elementHandle(),
                new Page.WaitForFunctionOptions().setPollingInterval(16).setTimeout(60_000));
        BrowserSession.screenshot(page, "ebm-train-2d-while-training");
        // Let it finish (a few seconds) rather than race a click on Cancel against its end.
        page.waitForCondition(
                () -> "false".equals(panel.root().getAttribute("data-running")),
                new Page.WaitForConditionOptions().setTimeout(90_000));
    }

    /**
     * Arms the panel to note, on its next run, the milliseconds from the click of Run to the first heat
     * map drawn in the surface chart (and whether it was a preview) and to the end of the run.
     */
    private static void watchFirstHeatMap(PanelObject panel) {
        panel.root()
                .evaluate(
                        "(p, title) => {"
                                + " const chart = [...p.querySelectorAll('.result-chart')]"
                                + "   .find(c => c.dataset.chart === title);"
                                + " const canvas = chart.querySelector('.chart-canvas');"
                                + " const seen = p.$firstMap = {};"
                                + " const finished = p.getAttribute('data-finished-runs');"
                                + " let start = null;"
                                + " p.querySelector('vaadin-button.run').addEventListener('click',"
                                + "   () => { start = performance.now(); }, {capture: true, once: true});"
                                + " new MutationObserver((records, observer) => {"
                                + "   if (start === null) return;"
                                + "   const preview = chart.getAttribute('data-preview') === 'true';"
                                + "   const done = p.getAttribute('data-finished-runs') !== finished;"
                                + "   if (seen.map === undefined && canvas.dataset.heatmap === 'true'"
                                + "       && (preview || done)) {"
                                + "     seen.map = Math.round(performance.now() - start);"
                                + "     seen.preview = preview;"
                                + "   }"
                                + "   if (done) {"
                                + "     seen.done = Math.round(performance.now() - start);"
                                + "     observer.disconnect();"
                                + "   }"
                                + " }).observe(p, {attributes: true, subtree: true,"
                                + "   attributeFilter: ['data-heatmap', 'data-preview', 'data-finished-runs']});"
                                + "}",
                        SURFACE);
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
