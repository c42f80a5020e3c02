package org.energylab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP to the embedded Tomcat with the application's properties: the security headers on
 * every answer, the session cookie, compression, the caching of hashed files, and the icons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = WebEdge.class)
class WebEdgeTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** The policy's directives by name. */
    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";"))
                .map(String::trim)
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.contains(" ") ? d.split(" ", 2)[1] : ""));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/page", "/json", "/no-such-page", "/VAADIN/build/a-12345678.js"}) {
            HttpResponse<byte[]> response = get(path);
            assertThat(header(response, "Content-Security-Policy")).as(path).isEqualTo(SecurityHeaders.PAGE_POLICY);
            assertThat(header(response, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(response, "X-Frame-Options")).as(path).isEqualTo("SAMEORIGIN");
            assertThat(header(response, "Referrer-Policy")).as(path).isEqualTo("same-origin");
        }
    }

    @Test
    void thePagePolicyLoadsNothingFromElsewhereAndFramesOnlyInTheApplication() {
        Map<String, String> policy = directives(SecurityHeaders.PAGE_POLICY);

        assertThat(policy)
                .containsEntry("default-src", "'self'")
                .containsEntry("frame-ancestors", "'self'")
                .containsEntry("object-src", "'none'")
                .containsEntry("base-uri", "'self'")
                .containsEntry("form-action", "'self'")
                .containsEntry("connect-src", "'self'");
        // Scripts only from the application's own files, plus functions built by Vaadin's client engine;
        // inline scripts only on Vaadin's bootstrap page, by their hashes (BootstrapScriptHashes).
        assertThat(policy.get("script-src")).isEqualTo("'self' 'unsafe-eval'");
        assertThat(policy.values()).noneMatch(sources -> sources.contains("*") || sources.contains("http:"));
    }

    @Test
    void theSessionCookieStaysOnTheSiteAndOutOfScripts() throws Exception {
        HttpResponse<byte[]> response = get("/session");

        String cookie = header(response, "Set-Cookie");
        assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly");
        // Served over plain HTTP here: a Secure cookie would never come back.
        assertThat(cookie).doesNotContain("Secure");
    }

    @Test
    void pagesAndJsonAreCompressedForClientsThatAcceptIt() throws Exception {
        for (Map.Entry<String, String> answer :
                Map.of("/page", WebEdge.PAGE, "/json", WebEdge.JSON).entrySet()) {
            HttpResponse<byte[]> response = get(answer.getKey(), "Accept-Encoding", "gzip");

            assertThat(header(response, "Content-Encoding")).as(answer.getKey()).isEqualTo("gzip");
            assertThat(response.body().length).isLessThan(answer.getValue().length() / 4);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(answer.getValue());
            }
        }
        assertThat(header(get("/page"), "Content-Encoding")).isEmpty();
    }

    @Test
    void hashedBundleFilesAreKeptForAYearOthersKeepTheirCaching() throws Exception {
        assertThat(header(get("/VAADIN/build/indexhtml-WV7Ccgsr.js"), "Cache-Control"))
                .isEqualTo("public, max-age=31536000, immutable");
        assertThat(header(get("/VAADIN/build/KaTeX_Main-Bold-Cx986IdX.woff2"), "Cache-Control"))
                .isEqualTo(HashedAssetCaching.IMMUTABLE);
        assertThat(header(get("/VAADIN/static/themes/energylab/styles.css"), "Cache-Control"))
                .isEqualTo("max-age=3600");
        assertThat(header(get("/VAADIN/build/sw.js"), "Cache-Control")).isEqualTo("max-age=3600");
    }

    @Test
    void theFaviconAndEveryAnnouncedIconAreServed() throws Exception {
        HttpResponse<byte[]> favicon = get("/favicon.ico");
        assertThat(favicon.statusCode()).isEqualTo(200);
        // An ICO file: reserved 0, type 1, then the number of images.
        assertThat(Arrays.copyOf(favicon.body(), 4)).containsExactly(0, 0, 1, 0);
        for (AppIcon icon : AppIcon.ALL) {
            HttpResponse<byte[]> response = get("/" + icon.href());
            assertThat(response.statusCode()).as(icon.href()).isEqualTo(200);
            assertThat(header(response, "Content-Type")).as(icon.href()).startsWith(icon.type());
        }
    }
}
