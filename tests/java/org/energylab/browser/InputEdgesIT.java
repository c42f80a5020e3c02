package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bad input on the whole application: a seed that is not digits is explained beside its field and
 * runs nothing, and /api addresses that the API does not have answer JSON errors, not Vaadin's page.
 */
@ExtendWith(OutputCaptureExtension.class)
class InputEdgesIT extends PageTest {
    @Test
    void aSeedThatIsNotDigitsIsExplainedBesideTheFieldAndRunsNothing(CapturedOutput log) {
        page.navigate(url("/simulations/sampler"));
        PanelObject panel = PanelObject.first(page, "sampler");
        for (String seed : new String[] {"1e3", "42.0"}) {
            panel.fill("seed", seed);
            assertThat(panel.error("seed")).startsWith("Seed must be a whole number");
            panel.root().locator("vaadin-button.run").click();
            assertThat(panel.root().locator(".run-status")).containsText("Fix the highlighted fields");
            assertThat(panel.root().locator(".scalar").count()).isZero();
        }
        assertThat(log.getAll()).doesNotContain("NumberFormatException");

        panel.fill("seed", "7");
        panel.runAndWait();
        assertThat(panel.root().locator(".run-status")).hasText("Done.");
    }

    @Test
    void unknownApiAddressesAnswerJsonNotTheApplicationPage() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/api/nothing", "/api", "/api/simulations/pendulum/nothing"}) {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(url(path)))
                            .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(answer.body()).startsWith("{\"error\":").doesNotContain("<html");
        }
        HttpResponse<String> wrongMethod = client.send(
                HttpRequest.newBuilder(URI.create(url("/api/simulations/pendulum/runs")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(wrongMethod.body()).startsWith("{\"error\":");
        // The application's own pages are untouched.
        HttpResponse<String> home =
                client.send(HttpRequest.newBuilder(URI.create(url("/"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html");
    }

    @Test
    void chartsBreakTheirLinesAtGaps() {
        page.navigate(url("/simulations/gibbs-reaction?preset=limestone"));
        PanelObject panel = PanelObject.first(page, "gibbs-reaction");
        panel.runAndWait();
        com.microsoft.playwright.Locator chart =
                panel.root().locator(".result-chart[data-chart='Gibbs energy change'] .chart-canvas");
        // The second data set shades where ΔG < 0 only: null elsewhere, and the line is not bridged.
        assertThat(chart.evaluate("e => e.$chart.data.datasets[1].spanGaps")).isEqualTo(false);
        assertThat(((Number) chart.evaluate("e => e.$chart.data.datasets[1].data.filter(p => p.y === null).length"))
                        .intValue())
                .isGreaterThan(0);
        assertThat(((Number) chart.evaluate("e => e.$chart.getDatasetMeta(1).data.filter(p => p.skip).length"))
                        .intValue())
                .as("Chart.js skips the null points")
                .isGreaterThan(0);
    }
}
