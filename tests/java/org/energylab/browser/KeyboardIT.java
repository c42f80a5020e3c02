package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lesson 1.1 with the keyboard only: no click anywhere. Tab reaches the navigation, the parameter
 * fields, the exercises and the pager, each with a focus ring to be seen; Ctrl+Enter runs and Escape
 * cancels; the run status and the exercise feedback are live regions.
 */
class KeyboardIT extends PageTest {
    /** More Tab stops than lesson 1.1 has: the walk stops here rather than looping for ever. */
    private static final int MAX_TABS = 600;

    /**
     * The focused element, through shadow roots, described for the test: its tag, id, classes, the
     * selectors it lies inside, and whether a focus indicator is drawn (an outline of 2px or more, or
     * the focus-ring attribute Lumo draws its ring for).
     */
    private static final String FOCUSED = """
            (selectors) => {
              let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
              if (!e || e === document.body) return null;
              const ringed = (el) => {
                const s = getComputedStyle(el);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || el.hasAttribute('focus-ring');
              };
              // Lumo draws some rings (the navigation's links and toggles) as a box shadow.
              let ring = ringed(e) || getComputedStyle(e).boxShadow !== 'none';
              const host = e.getRootNode().host;
              if (host) ring = ring || ringed(host);
              const wrapper = e.closest('[focus-ring]');
              if (wrapper) ring = true;
              const inside = {};
              for (const s of selectors) inside[s] = !!(e.closest(s) || (host && host.closest(s)));
              return { tag: e.tagName.toLowerCase(), id: e.id || (host ? host.id : ''),
                       text: (e.innerText || (host && host.innerText) || e.getAttribute('aria-label') || '').trim().slice(0, 40),
                       ring, inside };
            }
            """;

    private final List<String> unringed = new ArrayList<>();
    private final List<String> stops = new ArrayList<>();

    @Test
    void lessonOneOneEndToEndWithTheKeyboardOnly() {
        page.navigate(url("/lessons/the-lagrangian"));
        page.locator(".katex").first().waitFor();
        Locator panel =
                page.locator(".simulation-panel[data-simulation=pendulum]").first();
        Locator status = panel.locator(".run-status");
        assertThat(status).hasAttribute("role", "status");
        assertThat(status).hasAttribute("aria-live", "polite");
        assertThat(panel.locator("vaadin-button.run")).hasAttribute("aria-keyshortcuts", "Control+Enter");
        assertThat(panel.locator("vaadin-button.cancel")).hasAttribute("aria-keyshortcuts", "Escape");
        assertThat(panel.locator(".shortcut-hint")).containsText("Ctrl+Enter");

        // From the top of the page: the header, the navigation, then the first panel's first field.
        tabTo(".simulation-panel[data-simulation=pendulum] #param-theta0", false);
        assertThat(stops).anyMatch(s -> s.contains("Projector display"));
        assertThat(stops).anyMatch(s -> s.contains("Course overview"));
        assertThat(stops).anyMatch(s -> s.contains("Simulations"));
        type("2.0");
        page.keyboard().press("Control+Enter");
        page.waitForCondition(
                () -> panel.getAttribute("data-finished-runs") != null,
                new Page.WaitForConditionOptions().setTimeout(90_000));
        assertThat(status).hasText("Done.");
        // The values typed before the shortcut are the ones that ran.
        assertThat(page.url()).contains("theta0=2.0");
        assertThat(panel.locator("[data-scalar=period] .scalar-value")).isVisible();

        // A multiple-choice exercise: arrows choose, Tab reaches Check, Enter presses it.
        Locator choice = page.locator(".exercise[data-exercise=period-and-mass]");
        Locator feedback = choice.locator(".exercise-feedback");
        assertThat(feedback).hasAttribute("role", "status");
        assertThat(feedback).hasAttribute("aria-live", "polite");
        tabTo(".exercise[data-exercise=period-and-mass] vaadin-radio-button", false);
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        assertThat(choice.locator("vaadin-radio-button").nth(2)).hasAttribute("checked", "");
        tabTo(".exercise[data-exercise=period-and-mass] vaadin-button.exercise-check", false);
        assertThat(choice.locator("vaadin-button.exercise-check")).hasAttribute("focus-ring", "");
        assertThat(choice.locator("vaadin-button.exercise-check")).hasCSS("outline-style", "solid");
        page.keyboard().press("Enter");
        assertThat(feedback).hasText("Correct.");

        // A numeric exercise: Enter in the field checks it.
        tabTo(".exercise[data-exercise=planet-x] vaadin-text-field", false);
        type("5.45");
        page.keyboard().press("Enter");
        assertThat(page.locator(".exercise[data-exercise=planet-x] .exercise-feedback"))
                .hasText("Correct.");
        BrowserSession.screenshot(page, "keyboard-lesson-answered");

        // On to the next lesson by the pager's link.
        tabTo(".pager a.next", false);
        assertThat(page.locator(".pager a.next")).hasCSS("outline-style", "solid");
        page.keyboard().press("Enter");
        page.waitForURL("**/lessons/constraints-and-multipliers");
        assertThat(page.locator("main h1")).containsText("Constraints");

        assertThat(unringed).as("Tab stops without a visible focus ring").isEmpty();
    }

    /**
     * Escape cancels a long run from wherever the focus is in the panel: from the number field the
     * learner just typed in (where Ctrl+Enter started it), and from the Cancel button. 3000 training
     * steps take far longer than the test needs; a seed of its own keeps a finished result of another
     * test from being replayed at once.
     */
    @Test
    void escapeCancelsALongRunFromInsideThePanel() {
        long seed = 100_000 + System.nanoTime() % 900_000;
        page.navigate(url("/simulations/ebm-train-2d?steps=3000&seed=" + seed));
        String panelSelector = ".simulation-panel[data-simulation=ebm-train-2d]";
        Locator panel = page.locator(panelSelector);
        Locator status = panel.locator(".run-status");
        Locator cancel = panel.locator("vaadin-button.cancel");
        assertThat(cancel).hasAttribute("aria-keyshortcuts", "Escape");
        assertThat(cancel).hasAttribute("disabled", "");
        PanelObject.settled(page);

        // From the field the learner was typing in.
        tabTo(panelSelector + " #param-steps", false);
        assertThat(panel.locator("#param-steps input")).hasValue("3000");
        startAndCancel(panel, () -> {});
        assertThat(status).hasText("Cancelled.");
        assertCancelled(panel);

        // The slot is free again: the next run starts, and Escape on the focused Cancel button stops it.
        startAndCancel(panel, () -> tabTo(panelSelector + " vaadin-button.cancel", false));
        assertThat(status).hasText("Cancelled.");
        assertCancelled(panel);
        // Cancel is disabled now; the focus went on to Run rather than staying on a dead button.
        page.waitForCondition(() ->
                Boolean.TRUE.equals(panel.locator("vaadin-button.run").evaluate("b => document.activeElement === b")));
        BrowserSession.screenshot(page, "keyboard-escape-cancelled");
        assertThat(unringed).as("Tab stops without a visible focus ring").isEmpty();
    }

    /** Ctrl+Enter, waits until the run is computing, moves the focus, then presses Escape. */
    private void startAndCancel(Locator panel, Runnable focus) {
        page.keyboard().press("Control+Enter");
        assertThat(panel).hasAttribute("data-running", "true");
        assertThat(panel.locator(".run-status")).hasText("Running…");
        Locator progress = panel.locator("vaadin-progress-bar.run-progress");
        page.waitForCondition(
                () -> ((Number) progress.evaluate("e => e.value")).doubleValue() > 0,
                new Page.WaitForConditionOptions().setTimeout(60_000));
        focus.run();
        @SuppressWarnings("unchecked")
        var focused = (Map<String, Object>) page.evaluate(FOCUSED, List.of(".simulation-panel"));
        assertThat(focused).as("the focus before Escape").isNotNull();
        assertThat(((Map<String, Object>) focused.get("inside")).get(".simulation-panel"))
                .as("focus inside the panel: %s", focused)
                .isEqualTo(true);
        // Still going when the key arrives: the run is cancelled, not finished.
        assertThat(panel.getAttribute("data-running")).isEqualTo("true");
        page.keyboard().press("Escape");
    }

    /** Not running, Cancel disabled again, no numbers and no finished run, also a moment later. */
    private void assertCancelled(Locator panel) {
        assertThat(panel).hasAttribute("data-running", "false");
        assertThat(panel.locator("vaadin-button.cancel")).hasAttribute("disabled", "");
        page.waitForTimeout(1_500); // a run that went on would report within this time
        assertThat(panel.locator(".scalar")).hasCount(0);
        assertThat(panel.getAttribute("data-finished-runs")).isNull();
        assertThat(((Number) panel.locator("vaadin-progress-bar.run-progress").evaluate("e => e.value")).doubleValue())
                .isLessThan(1);
        assertThat(panel.locator(".run-status")).hasText("Cancelled.");
    }

    /** Selects what the focused field holds and types over it, as a learner does. */
    private void type(String text) {
        page.keyboard().press("Control+A");
        page.keyboard().type(text);
    }

    /** Presses Tab (or Shift+Tab) until the focus is inside {@code selector}, noting every stop on the way. */
    @SuppressWarnings("unchecked")
    private void tabTo(String selector, boolean backwards) {
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press(backwards ? "Shift+Tab" : "Tab");
            var focused = (Map<String, Object>) page.evaluate(FOCUSED, List.of(selector));
            if (focused == null) {
                continue;
            }
            String stop = focused.get("tag") + "#" + focused.get("id") + " '" + focused.get("text") + "'";
            stops.add(stop);
            if (!Boolean.TRUE.equals(focused.get("ring"))) {
                unringed.add(stop);
            }
            if (Boolean.TRUE.equals(((Map<String, Object>) focused.get("inside")).get(selector))) {
                return;
            }
        }
        throw new AssertionError("No Tab stop inside " + selector + " within " + MAX_TABS + " presses: " + stops);
    }
}
