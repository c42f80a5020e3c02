package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A run that graded an exercise is kept and re-opened by link: the exercise card says what the run
 * gave and links to the simulation page with the same parameters and seed, where Run gives the same
 * graded number.
 */
class GradedRunIT extends PageTest {

    @Test
    void theGradedRunOpensAgainWithItsParametersAndGivesTheSameScalar() {
        page.navigate(url("/lessons/sampling-an-energy"));
        PanelObject lesson = PanelObject.first(page, "sampler");
        lesson.fill("beta", "10");
        lesson.fill("stepSize", "2");
        lesson.fill("chains", "300");
        lesson.fill("seed", "7");
        lesson.runAndWait();
        double graded = lesson.scalar("fractionInRightWell");

        Locator card = page.locator(".exercise[data-exercise=cross-the-barrier]");
        assertThat(card.locator(".exercise-feedback")).containsText("goal met");
        Locator run = card.locator(".exercise-run");
        assertThat(run)
                .containsText("Your graded run: Fraction of samples with y > 0 = " + String.format("%.4g", graded)
                        + " — open it again");
        Locator again = run.locator("a.exercise-run-link");
        assertThat(again).hasAttribute("href", Pattern.compile("^/simulations/sampler\\?.*&seed=7$"));
        card.scrollIntoViewIfNeeded();
        BrowserSession.screenshot(page, "graded-run-card");

        // The run is kept: a reload shows it again.
        page.reload();
        assertThat(page.locator(".exercise[data-exercise=cross-the-barrier] .exercise-run"))
                .containsText("open it again");

        page.locator(".exercise[data-exercise=cross-the-barrier] a.exercise-run-link")
                .click();
        page.waitForURL(Pattern.compile(".*/simulations/sampler\\?.*"));
        PanelObject reopened = PanelObject.first(page, "sampler");
        org.assertj.core.api.Assertions.assertThat(reopened.value("beta")).isEqualTo("10");
        org.assertj.core.api.Assertions.assertThat(reopened.value("stepSize")).isEqualTo("2");
        org.assertj.core.api.Assertions.assertThat(reopened.value("chains")).isEqualTo("300");
        org.assertj.core.api.Assertions.assertThat(reopened.value("steps")).isEqualTo("1000");
        org.assertj.core.api.Assertions.assertThat(reopened.value("y0")).isEqualTo("-1");
        org.assertj.core.api.Assertions.assertThat(reopened.value("seed")).isEqualTo("7");
        reopened.runAndWait();
        org.assertj.core.api.Assertions.assertThat(reopened.scalar("fractionInRightWell"))
                .isEqualTo(graded);
        BrowserSession.screenshot(page, "graded-run-reopened");
    }
}
