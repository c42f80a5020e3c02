package org.energylab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Served over HTTPS (a self-signed certificate for localhost, made for this test only), the session
 * cookie is marked Secure as well as SameSite=Lax, and the security headers are the same.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = WebEdge.class,
        properties = {
            "server.ssl.key-store=classpath:web/localhost.p12",
            "server.ssl.key-store-password=test-only",
            "server.ssl.key-store-type=PKCS12"
        })
class SecureCookieTest {
    @LocalServerPort
    int port;

    private static HttpClient trustingTheTestCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = SecureCookieTest.class.getResourceAsStream("/web/localhost.p12")) {
            store.load(in, "test-only".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void overHttpsTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> response = trustingTheTestCertificate()
                .send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/session"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie").orElse(""))
                .startsWith("JSESSIONID=")
                .contains("Secure")
                .contains("SameSite=Lax")
                .contains("HttpOnly");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.PAGE_POLICY);
    }
}
