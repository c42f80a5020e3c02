package org.energylab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes TeX out of Markdown before the Markdown parser sees it (so {@code a_1 * b_2} does not become
 * emphasis) and puts it back afterwards as elements that KaTeX typesets in the browser. Math inside
 * code spans and fenced code stays literal; {@code \$} is a literal dollar.
 */
final class MathExtractor {
    private static final Pattern TOKEN = Pattern.compile("XMATH(INLINE|DISPLAY)(\\d+)X");
    private static final Pattern DISPLAY_PARAGRAPH = Pattern.compile("<p>XMATHDISPLAY(\\d+)X</p>");

    private final List<String> inline = new ArrayList<>();
    private final List<String> display = new ArrayList<>();

    /** A line holding only {@code $$}, possibly inside block quotes or indented in a list. */
    private static final Pattern DISPLAY_FENCE = Pattern.compile("^(\\s*(?:>\\s*)*)\\$\\$\\s*$");

    /** Replaces every formula of {@code markdown} by a placeholder word. */
    String extract(String markdown) {
        StringBuilder out = new StringBuilder();
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            Matcher displayFence = DISPLAY_FENCE.matcher(line);
            if (fence != null) {
                out.append(line);
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
            } else if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = trimmed.substring(0, 3);
                out.append(line);
            } else if (displayFence.matches()) {
                String prefix = displayFence.group(1);
                StringBuilder tex = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !DISPLAY_FENCE.matcher(lines[j]).matches()) {
                    String inner = lines[j];
                    tex.append(inner.startsWith(prefix) ? inner.substring(prefix.length()) : inner.strip())
                            .append('\n');
                    j++;
                }
                if (j == lines.length) {
                    throw new IllegalArgumentException("a display formula opened with $$ is never closed");
                }
                display.add(tex.toString().strip());
                // On its own it becomes a paragraph of its own; inside a quote or a list it stays there.
                String token = "XMATHDISPLAY" + (display.size() - 1) + "X";
                out.append(prefix.isEmpty() ? "\n" + token + "\n" : prefix + token);
                i = j;
            } else {
                out.append(extractInline(line));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private String extractInline(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '$') {
                out.append("\\$");
                i += 2;
            } else if (c == '`') {
                int end = line.indexOf('`', i + 1);
                end = end < 0 ? line.length() : end + 1;
                out.append(line, i, end);
                i = end;
            } else if (c == '$') {
                boolean isDisplay = line.startsWith("$$", i);
                String delimiter = isDisplay ? "$$" : "$";
                int end = line.indexOf(delimiter, i + delimiter.length());
                while (!isDisplay && end > 0 && line.charAt(end - 1) == '\\') {
                    end = line.indexOf(delimiter, end + 1);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("a formula opened with " + delimiter + " is never closed: "
                            + line.substring(i, Math.min(line.length(), i + 40)));
                }
                String tex = line.substring(i + delimiter.length(), end);
                List<String> target = isDisplay ? display : inline;
                target.add(tex.strip());
                out.append(isDisplay ? "XMATHDISPLAY" : "XMATHINLINE")
                        .append(target.size() - 1)
                        .append('X');
                i = end + delimiter.length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Puts the formulas back into rendered HTML as elements for KaTeX. */
    String restore(String html) {
        Matcher paragraphs = DISPLAY_PARAGRAPH.matcher(html);
        html = paragraphs.replaceAll(m -> Matcher.quoteReplacement(
                "<div class=\"math math-display\">" + escape(display.get(Integer.parseInt(m.group(1)))) + "</div>"));
        return TOKEN.matcher(html).replaceAll(m -> {
            boolean isDisplay = m.group(1).equals("DISPLAY");
            String tex = (isDisplay ? display : inline).get(Integer.parseInt(m.group(2)));
            String css = isDisplay ? "math math-display" : "math math-inline";
            return Matcher.quoteReplacement("<span class=\"" + css + "\">" + escape(tex) + "</span>");
        });
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
