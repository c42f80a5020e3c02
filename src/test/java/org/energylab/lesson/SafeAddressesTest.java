package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeAddressesTest {

    @Test
    void linksMayLeadToTheWebToMailAndWithinTheCourse() {
        for (String address : new String[] {
            "https://arxiv.org/abs/2006.11239",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG",
            "mailto:teacher@example.org",
            "../two/b.md",
            "b.md#summary",
            "#intro",
            "/lessons/first",
            "//example.org/page",
            "notes?page=2:3",
            "a/b:c",
            // A browser reads a backslash as a slash: a relative path, whatever follows.
            "java\\script:alert(1)"
        }) {
            assertThat(SafeAddresses.refuseLink(address)).as(address).isEmpty();
        }
    }

    @Test
    void linksThatRunScriptOrCarryDocumentsAreRefused() {
        for (String address : new String[] {
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\u0001javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "lessons:alert(1)"
        }) {
            assertThat(SafeAddresses.refuseLink(address)).as(address).isPresent();
        }
        assertThat(SafeAddresses.refuseLink("javascript:alert(1)").orElseThrow())
                .contains("javascript:alert(1)")
                .contains("http, https and mailto");
    }

    @Test
    void imagesAreFilesOfTheCourseOrHttpsAddresses() {
        assertThat(SafeAddresses.refuseImage("images/p.svg")).isEmpty();
        assertThat(SafeAddresses.refuseImage("https://example.org/x.png")).isEmpty();
        assertThat(SafeAddresses.refuseImage("http://example.org/x.png")).isPresent();
        assertThat(SafeAddresses.refuseImage("data:image/svg+xml,<svg/>")).isPresent();
        assertThat(SafeAddresses.refuseImage("javascript:alert(1)")).isPresent();
        assertThat(SafeAddresses.refuseImage("//example.org/x.png")).isPresent();
        assertThat(SafeAddresses.refuseImage("/\\example.org/x.png")).isPresent();
    }
}
