package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What frames a lesson: objectives linked to their exercises, the notation page, folded numbers. Lesson
 * 1.1 goes first: the first page of a cold server can take long to load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LessonStructureIT extends PageTest {

    @Test
    @Order(3)
    void objectivesLeadToTheExercisesThatCheckThem() {
        page.navigate(url("/lessons/constraints-and-multipliers"));
        page.locator(".objectives li").first().waitFor();
        Locator objectives = page.locator(".objectives li");
        assertThat(objectives.count()).isBetween(3, 5);
        Locator link = objectives.first().locator("a");
        assertThat(link).hasAttribute("href", "#exercise-tension-at-the-bottom");
        assertThat(page.locator("#exercise-tension-at-the-bottom")).hasCount(1);
        BrowserSession.screenshot(page, "lesson-objectives");
    }

    /**
     * An objective is ticked, with the word "Achieved" for a screen reader, as soon as the learner
     * solves the exercise that checks it, and still after a reload (progress is stored).
     */
    @Test
    @Order(4)
    void anObjectiveIsTickedWhenItsExerciseIsSolvedAndStaysTicked() {
        page.navigate(url("/lessons/the-lagrangian"));
        page.locator(".katex").first().waitFor();
        Locator measured = page.locator(".objectives li[data-exercise=planet-x]");
        Locator explained = page.locator(".objectives li[data-exercise=period-and-mass]");
        assertThat(measured).hasAttribute("data-achieved", "false");
        assertThat(page.locator(".objectives .objective-achieved")).hasCount(0);

        PanelObject.settled(page);
        Locator exercise = page.locator(".exercise[data-exercise=planet-x]");
        exercise.locator("vaadin-text-field input").fill("5.45");
        exercise.locator("vaadin-button.exercise-check").click();
        assertThat(exercise.locator(".exercise-feedback")).hasText("Correct.");
        assertThat(measured).hasAttribute("data-achieved", "true");
        Locator mark = measured.locator(".objective-achieved");
        assertThat(mark).isVisible();
        assertThat(mark).hasText("✓ Achieved");
        assertThat(mark.locator("[aria-hidden=true]")).hasText("✓");
        assertThat(explained).hasAttribute("data-achieved", "false");
        assertThat(page.locator(".objectives .objective-achieved")).hasCount(1);

        page.reload();
        page.locator(".katex").first().waitFor();
        assertThat(measured).hasAttribute("data-achieved", "true");
        assertThat(measured.locator(".objective-achieved")).hasText("✓ Achieved");
        assertThat(explained).hasAttribute("data-achieved", "false");

        // A choice exercise ticks its objective too.
        PanelObject.settled(page);
        Locator choice = page.locator(".exercise[data-exercise=period-and-mass]");
        choice.locator("vaadin-radio-button").nth(2).click();
        choice.locator("vaadin-button.exercise-check").click();
        assertThat(choice.locator(".exercise-feedback")).hasText("Correct.");
        assertThat(explained).hasAttribute("data-achieved", "true");
        assertThat(page.locator(".objectives .objective-achieved")).hasCount(2);
        page.locator(".objectives")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(BrowserSession.SCREENSHOTS.resolve("lesson-objectives-achieved.png")));
    }

    @Test
    @Order(2)
    void everyLessonLinksToTheNotationPage() {
        page.navigate(url("/lessons/boltzmann-distribution"));
        page.locator("a.notation-link").click();
        page.waitForURL("**/lessons/notation");
        assertThat(page.locator("main h1")).hasText("Notation");
        assertThat(page.locator("main table").count()).isGreaterThan(18);
        assertThat(page.locator("a.notation-link")).hasCount(0);
        BrowserSession.screenshot(page, "notation");
    }

    @Test
    @Order(1)
    void theNumbersOfATryThisBoxStayFoldedUntilOpenedAndSayWhenTheRunIsDone() {
        page.navigate(url("/lessons/the-lagrangian"));
        page.locator(".katex").first().waitFor();
        Locator reveal = page.locator("details.reveal").first();
        assertThat(reveal.locator("summary")).hasText("Reveal the numbers (after your run)");
        assertThat(reveal.locator(".prose")).not().isVisible();

        PanelObject.first(page, "pendulum").runAndWait();
        assertThat(reveal.locator("summary")).hasText("Your run is done: reveal the numbers to compare");
        reveal.locator("summary").click();
        assertThat(reveal.locator(".prose")).isVisible();
        assertThat(reveal.locator(".prose")).containsText("5.30");
        BrowserSession.screenshot(page, "reveal-open");
    }
}
