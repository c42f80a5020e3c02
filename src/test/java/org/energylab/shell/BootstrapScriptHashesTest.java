package org.energylab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energylab.web.SecurityHeaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class BootstrapScriptHashesTest {
    // Vaadin 24.9's bootstrap script, and its hash computed outside Java (Python's hashlib).
    private static final String VAADIN_SCRIPT = "window.Vaadin = window.Vaadin || {};window.Vaadin.TypeScript= {};";
    private static final String VAADIN_HASH = "C1UGzXT2eXIEEjCCnproCD0qCz92JQ6NkFY418AY26E=";
    private static final String ALERT_HASH = "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=";

    private static Document page() {
        return Jsoup.parse("<!doctype html><html><head><script initial=\"\">" + VAADIN_SCRIPT + "</script>"
                + "<script type=\"module\" src=\"./VAADIN/build/indexhtml-WV7Ccgsr.js\"></script></head>"
                + "<body><script>alert(1)</script></body></html>");
    }

    @Test
    void hashesEveryInlineScriptAndNoScriptFile() {
        assertThat(BootstrapScriptHashes.inlineScriptHashes(page())).containsExactly(VAADIN_HASH, ALERT_HASH);
    }

    @Test
    void theHashesMatchTheScriptsAsThePageIsWritten() {
        Document page = page();
        Matcher scripts =
                Pattern.compile("<script[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(page.html());
        List<String> written = new ArrayList<>();
        while (scripts.find()) {
            if (!scripts.group(1).isEmpty()) {
                written.add(BootstrapScriptHashes.sha256(scripts.group(1)));
            }
        }
        assertThat(written).isEqualTo(BootstrapScriptHashes.inlineScriptHashes(page));
    }

    @Test
    void thePagePolicyAllowsExactlyThoseInlineScripts() {
        VaadinResponse response = mock(VaadinResponse.class);

        BootstrapScriptHashes.restrictInlineScripts(new IndexHtmlResponse(mock(VaadinRequest.class), response, page()));

        String policy = SecurityHeaders.pagePolicy(List.of(VAADIN_HASH, ALERT_HASH));
        verify(response).setHeader("Content-Security-Policy", policy);
        assertThat(policy)
                .contains("script-src 'self' 'sha256-" + VAADIN_HASH + "' 'sha256-" + ALERT_HASH
                        + "' 'unsafe-inline' 'unsafe-eval'");
        assertThat(SecurityHeaders.PAGE_POLICY).contains("script-src 'self' 'unsafe-eval';");
    }
}
