package org.energylab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Keeps the theme's style sheet from loading twice. A jar built from the committed production bundle
 * runs in Vaadin's precompiled-bundle mode, and in that mode Vaadin 24.9 gives every page a link to
 * the theme's {@code styles.css} besides the bundle's own style sheet, which Vite built from the same
 * theme. The second copy costs more than its bytes: a style sheet in the head holds back the page's
 * scripts until it has loaded, and this one imports four more that the browser discovers only when it
 * arrives. On a lesson's first load those two round trips ended 0.7–1.4 s into the load, and Flow could
 * not start before them.
 *
 * <p>The link is dropped only when the bundle says it was built from that very file: its build record
 * ({@code stats.json}) lists {@code themes/<theme>/styles.css} among the frontend files it hashed.
 * It is applied in production mode only: in development mode the link is the theme's only source
 * (Vaadin's development bundle does not carry the application theme), even if an earlier production
 * build left its record in {@code target/classes}.
 */
public final class ThemeLink {
    static final String STATS = "META-INF/VAADIN/config/stats.json";
    private static final Pattern THEME_STYLES = Pattern.compile("^VAADIN/themes/([\\w-]+)/styles\\.css$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile JsonNode packagedHashes;

    private ThemeLink() {}

    /** Removes the page's theme link if the packaged bundle carries that theme. */
    public static void dropIfBundled(Document page) {
        dropIfBundled(page, packagedHashes());
    }

    /** Removes the page's theme link if {@code frontendHashes} (the bundle's record) lists its file. */
    static void dropIfBundled(Document page, JsonNode frontendHashes) {
        for (Element link : page.head().select("link[rel=stylesheet]")) {
            Matcher m = THEME_STYLES.matcher(link.attr("href"));
            if (m.matches() && frontendHashes.has("themes/" + m.group(1) + "/styles.css")) {
                link.remove();
            }
        }
    }

    /** The frontend files the packaged production bundle was built from; empty without one. */
    private static JsonNode packagedHashes() {
        JsonNode hashes = packagedHashes;
        if (hashes == null) {
            hashes = frontendHashes(ThemeLink.class.getClassLoader().getResourceAsStream(STATS));
            packagedHashes = hashes;
        }
        return hashes;
    }

    static JsonNode frontendHashes(InputStream stats) {
        if (stats == null) {
            return JSON.createObjectNode();
        }
        try (stats) {
            JsonNode hashes = JSON.readTree(stats).path("frontendHashes");
            return hashes.isObject() ? hashes : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
