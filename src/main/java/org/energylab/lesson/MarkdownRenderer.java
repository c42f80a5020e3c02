package org.energylab.lesson;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML for lesson prose and exercise text: GFM tables, heading anchors, math kept for
 * KaTeX, raw HTML escaped (lessons are text, not pages), and relative image and link addresses
 * resolved by the caller. A link or image whose address could run script or load from anywhere
 * (see {@link SafeAddresses}) is refused with an {@link IllegalArgumentException} naming it.
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS =
            List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer renderer;

    /**
     * @param images maps an image address as written in the lesson to the address the browser loads
     * @param links maps a link address as written in the lesson to the address the browser follows
     */
    public MarkdownRenderer(UnaryOperator<String> images, UnaryOperator<String> links) {
        this.renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    // Checked here, on what the parser read, so that no escaping can hide an address.
                    if (node instanceof Image image) {
                        refuse(SafeAddresses.refuseImage(image.getDestination()));
                        attributes.computeIfPresent("src", (k, src) -> images.apply(src));
                        attributes.put("loading", "lazy");
                    } else if (node instanceof Link link) {
                        refuse(SafeAddresses.refuseLink(link.getDestination()));
                        attributes.computeIfPresent("href", (k, href) -> links.apply(href));
                    } else if (node instanceof TableBlock) {
                        // A table wider than a narrow screen scrolls sideways in its own box; keyboard
                        // users reach it with Tab and scroll it with the arrow keys (WCAG 2.1.1).
                        attributes.put("tabindex", "0");
                    }
                })
                .build();
    }

    private static void refuse(java.util.Optional<String> reason) {
        reason.ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
    }

    /** A renderer that leaves addresses as they are. */
    public static MarkdownRenderer plain() {
        return new MarkdownRenderer(UnaryOperator.identity(), UnaryOperator.identity());
    }

    public String toHtml(String markdown) {
        MathExtractor math = new MathExtractor();
        String withoutMath = math.extract(markdown);
        return math.restore(renderer.render(PARSER.parse(withoutMath)));
    }

    /** The image and link addresses a piece of Markdown uses, for the content check. */
    static Set<String> addresses(String markdown, Class<? extends Node> kind) {
        Set<String> found = new java.util.LinkedHashSet<>();
        PARSER.parse(new MathExtractor().extract(markdown)).accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (kind == Image.class) {
                    found.add(image.getDestination());
                }
                visitChildren(image);
            }

            @Override
            public void visit(Link link) {
                if (kind == Link.class) {
                    found.add(link.getDestination());
                }
                visitChildren(link);
            }
        });
        return found;
    }
}
