package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MathExtractorTest {

    private static String roundTrip(String markdown) {
        MathExtractor math = new MathExtractor();
        return math.restore(math.extract(markdown));
    }

    @Test
    void inlineFormulaBecomesPlaceholderWithoutMarkdownSyntax() {
        MathExtractor math = new MathExtractor();

        String extracted = math.extract("Take $a_1 * b_2$ now.");

        assertThat(extracted).isEqualTo("Take XMATHINLINE0X now.").doesNotContain("_", "*", "$");
        assertThat(math.restore(extracted)).isEqualTo("Take <span class=\"math math-inline\">a_1 * b_2</span> now.");
    }

    @Test
    void displayFormulaOnItsOwnLinesBecomesItsOwnParagraph() {
        MathExtractor math = new MathExtractor();

        String extracted = math.extract("Before\n$$\nx^2 < y\n$$\nAfter");

        assertThat(extracted).isEqualTo("Before\n\nXMATHDISPLAY0X\n\nAfter");
        assertThat(math.restore("<p>Before</p>\n<p>XMATHDISPLAY0X</p>\n<p>After</p>"))
                .isEqualTo("<p>Before</p>\n<div class=\"math math-display\">x^2 &lt; y</div>\n<p>After</p>");
    }

    @Test
    void texIsEscapedForHtml() {
        assertThat(roundTrip("$a < b & c > \"d\"$"))
                .isEqualTo("<span class=\"math math-inline\">a &lt; b &amp; c &gt; &quot;d&quot;</span>");
    }

    @Test
    void severalFormulasOnOneLineKeepTheirOrder() {
        assertThat(roundTrip("$a$ and $b$ then $$c$$"))
                .isEqualTo("<span class=\"math math-inline\">a</span> and <span class=\"math math-inline\">b</span>"
                        + " then <span class=\"math math-display\">c</span>");
    }

    @Test
    void dollarsInCodeSpansAndFencesStayLiteral() {
        MathExtractor math = new MathExtractor();
        String markdown = "Run `echo $HOME` here.\n```\ncost = $5\n```\n~~~\n$$\n~~~";

        assertThat(math.extract(markdown)).isEqualTo(markdown);
    }

    @Test
    void escapedDollarIsNotMath() {
        MathExtractor math = new MathExtractor();

        assertThat(math.extract("It costs \\$5, $x$ too.")).isEqualTo("It costs \\$5, XMATHINLINE0X too.");
    }

    @Test
    void escapedDollarInsideInlineMathDoesNotCloseIt() {
        assertThat(roundTrip("$a \\$ b$")).isEqualTo("<span class=\"math math-inline\">a \\$ b</span>");
    }

    @Test
    void unclosedFormulasAreRefused() {
        assertThatThrownBy(() -> new MathExtractor().extract("text\n$$\nx = 1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$$")
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> new MathExtractor().extract("costs $5 only"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> new MathExtractor().extract("a $$x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$$");
    }
}
