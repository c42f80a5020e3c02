package org.energylab.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

/** A simulation panel on a page, driven as a learner would. */
final class PanelObject {
    private final Page page;
    private final Locator root;

    PanelObject(Page page, Locator root) {
        this.page = page;
        this.root = root;
    }

    /**
     * Waits until Vaadin's client has started, the router has placed the view (until then the page
     * takes no input: see frontend/index.ts) and no request is in flight.
     */
    static void settled(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && !document.querySelector('#outlet[inert]')"
                + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    static PanelObject first(Page page, String simulation) {
        return new PanelObject(
                page,
                page.locator(".simulation-panel[data-simulation=" + simulation + "]")
                        .first());
    }

    Locator root() {
        return root;
    }

    /** Types into a number field and leaves it, as a learner does. */
    void fill(String parameter, String value) {
        settled(page);
        Locator input = root.locator("#param-" + parameter + " input");
        input.fill(value);
        input.press("Tab");
    }

    /** Drags a parameter's slider to a position between 0 (left end) and 1 (right end). */
    void slide(String parameter, double position) {
        String before = value(parameter);
        Locator slider = root.locator("#param-" + parameter).locator("xpath=..").locator("input[type=range]");
        slider.evaluate(
                "(e, p) => { e.value = String(Math.round(p * Number(e.max))); e.dispatchEvent(new Event('input',"
                        + " {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); }",
                position);
        // The text field follows once the server has seen the slider move.
        page.waitForCondition(() -> !value(parameter).equals(before));
    }

    /** The largest y value drawn in the first data set of a chart. */
    double chartMax(String chartTitle) {
        Locator chart = root.locator(".result-chart" + chartAttribute(chartTitle) + " .chart-canvas");
        return ((Number) chart.evaluate("e => Math.max(...e.$chart.data.datasets[0].data.map(p => p.y ?? -Infinity))"))
                .doubleValue();
    }

    /** The colour range (min, max) of a heat-map chart. */
    double[] heatMapRange(String chartTitle) {
        Locator chart = root.locator(".result-chart" + chartAttribute(chartTitle) + " .chart-canvas");
        page.waitForCondition(() -> "true".equals(chart.getAttribute("data-heatmap")));
        return new double[] {
            ((Number) chart.evaluate("e => e.$heatmap.min")).doubleValue(),
            ((Number) chart.evaluate("e => e.$heatmap.max")).doubleValue()
        };
    }

    String value(String parameter) {
        return root.locator("#param-" + parameter + " input").inputValue();
    }

    void choose(String parameter, String label) {
        settled(page);
        root.locator("#param-" + parameter).click();
        page.locator("vaadin-select-item:not([id^=value]):visible", new Page.LocatorOptions().setHasText(label))
                .first()
                .click();
    }

    /** The label the select shows. */
    String chosen(String parameter) {
        return root.locator("#param-" + parameter + " vaadin-select-value-button")
                .innerText()
                .trim();
    }

    String error(String parameter) {
        Locator field = root.locator("#param-" + parameter);
        page.waitForCondition(() -> field.getAttribute("invalid") != null);
        return (String) field.evaluate("e => e.errorMessage");
    }

    /** Runs and waits until this run has finished, whatever its outcome. */
    void runAndWait() {
        String before = root.getAttribute("data-finished-runs");
        root.locator("vaadin-button.run").click();
        page.waitForCondition(
                () -> {
                    String now = root.getAttribute("data-finished-runs");
                    return now != null && !now.equals(before);
                },
                new Page.WaitForConditionOptions().setTimeout(90_000));
    }

    double scalar(String name) {
        Locator value = root.locator("[data-scalar=" + name + "] .scalar-value");
        value.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        return Double.parseDouble(value.getAttribute("data-value"));
    }

    /** The number of points the browser chart holds in its first data set. */
    int chartPoints(String chartTitle) {
        Locator chart = root.locator(".result-chart" + chartAttribute(chartTitle) + " .chart-canvas");
        return ((Number) chart.evaluate("e => e.$chart ? e.$chart.data.datasets[0].data.length : -1")).intValue();
    }

    String axisTitle(String chartTitle, String axis) {
        Locator chart = root.locator(".result-chart" + chartAttribute(chartTitle) + " .chart-canvas");
        return (String) chart.evaluate("e => e.$chart.options.scales." + axis + ".title.text");
    }

    private Locator player(String chartTitle) {
        return root.locator(".result-chart" + chartAttribute(chartTitle) + " .frame-player");
    }

    /** The training step of the frame a heat map's player shows. */
    long frameStep(String chartTitle) {
        return Long.parseLong(player(chartTitle).getAttribute("data-step"));
    }

    /** How many frames the heat map's player offers. */
    int frameCount(String chartTitle) {
        return Integer.parseInt(player(chartTitle).getAttribute("data-frames"));
    }

    /** Presses the player's Play (or Pause) button. */
    void togglePlay(String chartTitle) {
        player(chartTitle).locator("vaadin-button.frame-play").click();
    }

    boolean playing(String chartTitle) {
        return "true".equals(player(chartTitle).getAttribute("data-playing"));
    }

    /** Drags the player's slider to frame {@code index} and waits until the server shows it. */
    void showFrame(String chartTitle, int index) {
        Locator slider = player(chartTitle).locator("input.frame-slider");
        slider.evaluate(
                "(e, i) => { e.value = String(i); e.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " e.dispatchEvent(new Event('change', {bubbles: true})); }",
                index);
        page.waitForCondition(
                () -> String.valueOf(index).equals(player(chartTitle).getAttribute("data-frame")));
    }

    /** The standard deviation of the values of the heat map the browser draws now (the frame shown). */
    double heatMapSpread(String chartTitle) {
        Locator chart = root.locator(".result-chart" + chartAttribute(chartTitle) + " .chart-canvas");
        page.waitForCondition(() -> "true".equals(chart.getAttribute("data-heatmap")));
        return ((Number) chart.evaluate("e => { const v = e.$heatmap.values.flat().filter(x => x !== null);"
                        + " const m = v.reduce((a, b) => a + b, 0) / v.length;"
                        + " return Math.sqrt(v.reduce((a, b) => a + (b - m) * (b - m), 0) / v.length); }"))
                .doubleValue();
    }

    /** The attribute selector of a chart by its title, which may hold quotes (a confounder's spread). */
    static String chartAttribute(String chartTitle) {
        return "[data-chart=\"" + chartTitle.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
