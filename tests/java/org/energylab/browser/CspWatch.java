package org.energylab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the Content-Security-Policy violations a page reports, both as the
 * {@code securitypolicyviolation} events the document fires and as the console errors Chromium
 * writes ("Refused to ..."). Playwright's own scripts are exempt from the policy, so the watch itself
 * causes none.
 */
final class CspWatch {
    private static final String LISTENER = "document.addEventListener('securitypolicyviolation', e =>"
            + " (window.__cspViolations = window.__cspViolations || []).push(e.effectiveDirective + ' blocked '"
            + " + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber));";

    private final Page page;
    private final List<String> console = new ArrayList<>();

    private CspWatch(Page page) {
        this.page = page;
        page.addInitScript(LISTENER);
        page.onConsoleMessage(message -> {
            String text = message.text();
            if (text.contains("Content Security Policy") || text.startsWith("Refused to")) {
                console.add(text);
            }
        });
    }

    /** Starts watching; call before the page navigates. */
    static CspWatch on(Page page) {
        return new CspWatch(page);
    }

    /** The violations reported so far on the page's current document and in its console. */
    List<String> violations() {
        List<String> all = new ArrayList<>(console);
        Object events = page.evaluate("() => window.__cspViolations || []");
        if (events instanceof List<?> list) {
            list.forEach(e -> all.add(String.valueOf(e)));
        }
        return all;
    }

    void assertNone(String where) {
        assertThat(violations())
                .as("Content-Security-Policy violations on " + where)
                .isEmpty();
    }
}
