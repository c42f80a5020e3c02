package org.energylab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ThemeLinkTest {
    private static final String HEAD = "<html><head>"
            + "<link rel=\"stylesheet\" crossorigin href=\"./VAADIN/build/indexhtml-c1.css\">"
            + "<link rel=\"stylesheet\" type=\"text/css\" href=\"VAADIN/themes/energylab/styles.css\">"
            + "</head><body></body></html>";

    private static JsonNode hashes(String stats) {
        return ThemeLink.frontendHashes(new ByteArrayInputStream(stats.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theThemeLinkGoesWhenTheBundleWasBuiltFromThatTheme() {
        Document page = Jsoup.parse(HEAD);

        ThemeLink.dropIfBundled(
                page, hashes("{\"frontendHashes\":{\"themes/energylab/styles.css\":\"ab12\",\"x.ts\":\"cd\"}}"));

        assertThat(page.select("link[rel=stylesheet]")).singleElement().satisfies(link -> assertThat(link.attr("href"))
                .isEqualTo("./VAADIN/build/indexhtml-c1.css"));
    }

    @Test
    void theThemeLinkStaysWithoutABundleOrWhenTheBundleHasAnotherTheme() {
        for (JsonNode record : new JsonNode[] {
            ThemeLink.frontendHashes(null),
            hashes("{\"frontendHashes\":{\"themes/other/styles.css\":\"ab12\"}}"),
            hashes("{\"frontendHashes\":[]}"),
            hashes("not json")
        }) {
            Document page = Jsoup.parse(HEAD);

            ThemeLink.dropIfBundled(page, record);

            assertThat(page.select("link[href=VAADIN/themes/energylab/styles.css]"))
                    .hasSize(1);
        }
    }
}
