package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

/**
 * The home page remembers the learner: after a lesson is opened and an exercise solved, it offers
 * to continue where they left off and shows the lesson's progress; the JSON API, in the same
 * browser session, reports the same.
 */
class LearnerProgressIT extends PageTest {

    @Test
    void theHomePageOffersToContinueWhereTheLearnerLeftOff() {
        page.navigate(url("/"));
        assertThat(page.locator(".module-card").first()).isVisible();
        assertThat(page.locator(".resume-card")).hasCount(0);

        page.navigate(url("/lessons/the-lagrangian"));
        PanelObject.settled(page);
        Locator numeric = page.locator(".exercise[data-exercise=planet-x]");
        numeric.locator("vaadin-text-field input").fill("5.5");
        numeric.locator("vaadin-button.exercise-check").click();
        assertThat(numeric.locator(".exercise-feedback")).hasText("Correct.");

        page.navigate(url("/"));
        Locator resume = page.locator(".resume-card");
        assertThat(resume).containsText("Continue where you left off");
        assertThat(resume.locator("a.resume-link")).hasAttribute("href", "/lessons/the-lagrangian");
        assertThat(resume).containsText("0 of ");
        Locator status = page.locator("li:has(a[href='/lessons/the-lagrangian']) .lesson-status");
        assertThat(status).hasText("1 of 3 exercises solved");
        BrowserSession.screenshot(page, "home-continue");

        Response progress = page.navigate(url("/api/me/progress"));
        org.assertj.core.api.Assertions.assertThat(progress.text())
                .contains("\"id\":\"the-lagrangian\",\"opened\":true,\"completed\":false")
                .contains("{\"id\":\"planet-x\",\"solved\":true,\"tries\":1}");

        page.navigate(url("/"));
        resume.locator("a.resume-link").click();
        page.waitForURL(url("/lessons/the-lagrangian"));
        assertThat(page.locator(".exercise[data-exercise=planet-x] .exercise-feedback"))
                .hasText("Correct.");
    }
}
