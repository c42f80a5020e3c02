package org.energylab.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The production bundle's files a page will need, announced in the page's head so the browser fetches
 * them at once, side by side, instead of one after another as each file discovers the next.
 *
 * <p>Left alone, a first load is a chain: the page loads Vaadin's entry script, which imports Flow's
 * bootstrap, then the application's imports, then Flow's client; only then does the client learn from
 * the server's first answer that a lesson needs the lazily loaded chunks (KaTeX, Chart.js), and only
 * when KaTeX has typeset the math does the browser ask for its fonts. Every page gets the first three
 * as module preloads; lesson pages also get the lazy chunks and the fonts nearly every lesson's
 * formulas use (the main upright and the math italic faces, and the first two sizes of large operators
 * and delimiters, about 56 KB together), and the shared modules those chunks import.
 *
 * <p>The names carry content hashes, so they are read from the bundle itself: from the entry script
 * that {@code index.html} names, through the scripts it imports. The bundle folder also holds files
 * of earlier builds; following the references finds only the current ones. Without a production
 * bundle (development mode, unit tests) there is nothing to announce. Every link is
 * {@code crossorigin}, as the requests Vite's loader makes for the same files are, so the browser
 * takes the preloaded answer instead of asking again.
 */
public final class BundlePreloads {
    static final String WEBAPP = "META-INF/VAADIN/webapp/";
    static final String BUILD = "VAADIN/build/";
    private static final Pattern ENTRY = Pattern.compile("src=\"\\./(VAADIN/build/indexhtml-[\\w-]+\\.js)\"");
    private static final Pattern BOOTSTRAP =
            Pattern.compile("\"\\./((?:FlowBootstrap|generated-flow-imports|FlowClient)-[\\w-]+\\.js)\"");
    private static final Pattern CHUNK = Pattern.compile("\"\\./(chunk-[\\w-]+\\.(?:js|css))\"");
    /** A module's static imports ({@code import"./x.js"}, {@code import{a as b}from"./x.js"}). */
    private static final Pattern STATIC_IMPORT = Pattern.compile("import(?:\\{[^}]*}from)?\"\\./([\\w-]+\\.js)\"");

    private static final Pattern PUSH_SCRIPT =
            Pattern.compile("\"pushScript\"\\s*:\\s*\"\\./(?:\\.\\./)*(VAADIN/static/push/[\\w.-]+\\.js\\?v=\\w+)\"");
    private static final Pattern COMMON_FONTS = Pattern.compile(
            "url\\(\\./(KaTeX_(?:Main-Regular|Math-Italic|Size1-Regular|Size2-Regular)-[\\w-]+\\.woff2)\\)");

    /** One {@code <link>} of the head: its address and its other attributes. */
    public record Link(String href, Map<String, String> attributes) {}

    private static volatile BundlePreloads packaged;

    private final List<Link> everyPage;
    private final List<Link> lessonPages;

    BundlePreloads(List<Link> everyPage, List<Link> lessonPages) {
        this.everyPage = List.copyOf(everyPage);
        this.lessonPages = List.copyOf(lessonPages);
    }

    /** The preloads of the bundle packaged with the application, read once. */
    public static BundlePreloads packaged() {
        BundlePreloads preloads = packaged;
        if (preloads == null) {
            preloads = read(name -> {
                try (InputStream in = BundlePreloads.class.getClassLoader().getResourceAsStream(WEBAPP + name)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return null;
                }
            });
            packaged = preloads;
        }
        return preloads;
    }

    /** Reads the bundle through {@code files}: a path under the webapp folder to its text, or null. */
    static BundlePreloads read(java.util.function.Function<String, String> files) {
        String index = files.apply("index.html");
        Matcher entryMatch = index == null ? null : ENTRY.matcher(index);
        if (entryMatch == null || !entryMatch.find()) {
            return new BundlePreloads(List.of(), List.of());
        }
        String entry = files.apply(entryMatch.group(1));
        List<Link> everyPage = new ArrayList<>();
        Set<String> chunks = new LinkedHashSet<>();
        for (String script : names(BOOTSTRAP, entry)) {
            everyPage.add(module(script));
            if (script.startsWith("generated-flow-imports-")) {
                chunks.addAll(names(CHUNK, files.apply(BUILD + script)));
            }
        }
        List<Link> lessonPages = new ArrayList<>();
        Set<String> shared = new LinkedHashSet<>();
        for (String chunk : chunks) {
            if (chunk.endsWith(".js")) {
                lessonPages.add(module(chunk));
                shared.addAll(names(STATIC_IMPORT, files.apply(BUILD + chunk)));
            } else {
                lessonPages.add(new Link(BUILD + chunk, Map.of("rel", "preload", "as", "style", "crossorigin", "")));
                for (String font : names(COMMON_FONTS, files.apply(BUILD + chunk))) {
                    lessonPages.add(new Link(
                            BUILD + font,
                            Map.of("rel", "preload", "as", "font", "type", "font/woff2", "crossorigin", "")));
                }
            }
        }
        // The shared modules the chunks import (the select's connector, renderers, mixins) are fetched
        // only once a chunk runs; announced, they arrive with the chunks.
        Set<String> known = new LinkedHashSet<>(chunks);
        everyPage.forEach(link -> known.add(link.href().substring(BUILD.length())));
        for (String module : shared) {
            if (!known.contains(module) && !module.startsWith("indexhtml-")) {
                lessonPages.add(module(module));
            }
        }
        return new BundlePreloads(everyPage, lessonPages);
    }

    private static Link module(String script) {
        return new Link(BUILD + script, Map.of("rel", "modulepreload", "crossorigin", ""));
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Adds a preload of Vaadin's push script to a page that carries the UI's first state: the client
     * loads that script before anything else of Flow's, so otherwise it waits for the page's scripts to
     * run first. The address (with its version) is the one the page's first state names; on a page
     * below the root (a lesson: {@code ./../VAADIN/...}) it is written from the root, as the page's
     * {@code <base>} resolves the link's address from there.
     */
    public static void preloadPushScript(Document page) {
        for (Element script : page.select("script:not([src])")) {
            Matcher m = PUSH_SCRIPT.matcher(script.data());
            if (m.find()) {
                page.head()
                        .appendElement("link")
                        .attr("rel", "preload")
                        .attr("as", "script")
                        .attr("href", m.group(1));
                return;
            }
        }
    }

    /** The links for the page at {@code path} (the request's path, such as {@code /lessons/x}). */
    public List<Link> forPage(String path) {
        if (path != null && path.startsWith("/lessons/")) {
            List<Link> all = new ArrayList<>(everyPage);
            all.addAll(lessonPages);
            return all;
        }
        return everyPage;
    }
}
