package org.energylab.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.energylab.web.SecurityHeaders;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Lets the bootstrap page run exactly the inline scripts Vaadin wrote into it: when the page is
 * complete, its policy names each inline script by the SHA-256 hash of its text, so an injected
 * script, which has no matching hash, does not run. The hashes are taken from the page itself, so
 * they follow Vaadin's scripts from version to version.
 */
@Component
class BootstrapScriptHashes implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(BootstrapScriptHashes::restrictInlineScripts);
    }

    static void restrictInlineScripts(IndexHtmlResponse response) {
        response.getVaadinResponse()
                .setHeader(
                        SecurityHeaders.CONTENT_SECURITY_POLICY,
                        SecurityHeaders.pagePolicy(inlineScriptHashes(response.getDocument())));
    }

    /** The base64 SHA-256 hashes of the page's inline scripts, in page order. */
    static List<String> inlineScriptHashes(Document page) {
        return page.select("script:not([src])").stream()
                .map(Element::data)
                .map(BootstrapScriptHashes::sha256)
                .distinct()
                .toList();
    }

    static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
