package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private final MarkdownRenderer plain = MarkdownRenderer.plain();

    @Test
    void inlineMathSurvivesMarkdownWithoutEmphasis() {
        String html = plain.toHtml("The product $a_1 * b_2 * c_3$ of _three_ terms.");

        assertThat(html)
                .contains("<span class=\"math math-inline\">a_1 * b_2 * c_3</span>")
                .contains("<em>three</em>");
        assertThat(html.replace("<em>three</em>", "")).doesNotContain("<em>", "<strong>");
    }

    @Test
    void inlineMathIsEscaped() {
        assertThat(plain.toHtml("If $a<b$ and $c>d$ and $x \\& y$."))
                .contains("<span class=\"math math-inline\">a&lt;b</span>")
                .contains("<span class=\"math math-inline\">c&gt;d</span>")
                .contains("<span class=\"math math-inline\">x \\&amp; y</span>");
    }

    @Test
    void displayMathOnItsOwnLinesBecomesADiv() {
        String html = plain.toHtml("The equation\n$$\n\\ddot\\theta = -\\frac{g}{\\ell}\\sin\\theta < 1\n$$\nholds.");

        assertThat(html)
                .contains("<p>The equation</p>")
                .contains("<div class=\"math math-display\">\\ddot\\theta = -\\frac{g}{\\ell}\\sin\\theta &lt; 1</div>")
                .contains("<p>holds.</p>")
                .doesNotContain("<p><div", "XMATH");
    }

    @Test
    void dollarsInInlineCodeAndFencedCodeStayLiteral() {
        String html = plain.toHtml("Type `echo $HOME` first.\n\n```\nprice = $5 * $x_1$\n```\n");

        assertThat(html)
                .contains("<code>echo $HOME</code>")
                .contains("<pre><code>price = $5 * $x_1$\n</code></pre>")
                .doesNotContain("math");
    }

    @Test
    void escapedDollarStaysADollar() {
        String html = plain.toHtml("It costs \\$5 and \\$7.");

        assertThat(html).isEqualTo("<p>It costs $5 and $7.</p>\n");
    }

    @Test
    void unclosedDisplayMathThrows() {
        assertThatThrownBy(() -> plain.toHtml("Intro\n\n$$\nE = mc^2\n\nThe end."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never closed");
    }

    /** A table is reachable by keyboard, as it scrolls sideways on a narrow screen. */
    @Test
    void gfmTablesRender() {
        String html = plain.toHtml("| θ₀ | τ/τ₀ |\n|---|---|\n| $0.1$ | 1.0006 |\n");

        assertThat(html)
                .contains("<table tabindex=\"0\">", "<th>θ₀</th>", "<td>1.0006</td>")
                .contains("<td><span class=\"math math-inline\">0.1</span></td>");
    }

    @Test
    void headingsGetAnchors() {
        assertThat(plain.toHtml("## How long is a swing?")).contains("<h2 id=\"how-long-is-a-swing\">");
    }

    @Test
    void rawHtmlIsEscaped() {
        String html = plain.toHtml("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>.");

        assertThat(html)
                .doesNotContain("<script", "<b ")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b onclick=&quot;x()&quot;&gt;");
    }

    @Test
    void imageAndLinkAddressesGoThroughTheResolvers() {
        List<String> images = new ArrayList<>();
        List<String> links = new ArrayList<>();
        MarkdownRenderer renderer = new MarkdownRenderer(
                src -> {
                    images.add(src);
                    return "/files/" + src;
                },
                href -> {
                    links.add(href);
                    return "/lessons/" + href.replace(".md", "");
                });

        String html = renderer.toHtml("![a pendulum](images/p.svg)\n\nSee [the next lesson](next.md).");

        assertThat(images).containsExactly("images/p.svg");
        assertThat(links).containsExactly("next.md");
        assertThat(html)
                .contains("src=\"/files/images/p.svg\"")
                .contains("alt=\"a pendulum\"")
                .contains("loading=\"lazy\"")
                .contains("<a href=\"/lessons/next\">the next lesson</a>");
    }

    @Test
    void addressesListsImagesAndLinksButNotMathOrCode() {
        String markdown = "![p](a.svg) [l](b.md) $[x](y)$ `[c](d.md)`\n\n![q](c.png)";

        assertThat(MarkdownRenderer.addresses(markdown, Image.class)).containsExactly("a.svg", "c.png");
        assertThat(MarkdownRenderer.addresses(markdown, Link.class)).containsExactly("b.md");
    }

    @Test
    void linksAreCheckedAfterParsingSoNoEscapeHidesAScheme() {
        MarkdownRenderer renderer = MarkdownRenderer.plain();
        for (String markdown : new String[] {
            "[click](javascript:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](&#x6A;avascript&#58;alert(1))",
            "[click](java&#9;script:alert(1))",
            "[click](<javascript:alert(1)>)",
            "<javascript:alert(1)>",
            "[click][ref]\n\n[ref]: javascript:alert(1)",
            "![x](javascript:alert(1))",
            "[![x](images/p.svg)](data:text/html,hi)"
        }) {
            assertThatThrownBy(() -> renderer.toHtml(markdown))
                    .as(markdown)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("may not");
        }
        assertThat(renderer.toHtml("[web](https://example.org) [mail](mailto:a@example.org) [here](#x)"))
                .contains("href=\"https://example.org\"")
                .contains("href=\"mailto:a@example.org\"")
                .contains("href=\"#x\"");
    }
}
