package org.energylab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class BundlePreloadsTest {
    /** A bundle folder as Vite leaves it, with a stale entry script of an earlier build beside the current one. */
    private static final Map<String, String> BUNDLE = Map.of(
            "index.html",
            "<script type=\"module\" crossorigin src=\"./VAADIN/build/indexhtml-NEW.js\"></script>",
            "VAADIN/build/indexhtml-NEW.js",
            "import(\"./FlowBootstrap-b1.js\");m.f=[\"./generated-flow-imports-g1.js\"];import(\"./FlowClient-c1.js\")",
            "VAADIN/build/indexhtml-OLD.js",
            "import(\"./FlowClient-stale.js\")",
            "VAADIN/build/generated-flow-imports-g1.js",
            "m.f=[\"./chunk-aa-js1.js\",\"./indexhtml-NEW.js\",\"./chunk-bb-css1.css\"];import(\"./chunk-aa-js1.js\")",
            "VAADIN/build/chunk-aa-js1.js",
            "import{a as b}from\"./generated-flow-imports-g1.js\";import\"./selectConnector-s1.js\";"
                    + "import{C as c}from\"./checked-mixin-m1.js\";import\"./indexhtml-NEW.js\";",
            "VAADIN/build/chunk-bb-css1.css",
            "@font-face{src:url(./KaTeX_Main-Regular-r1.woff2) format(\"woff2\"),url(./KaTeX_Main-Regular-r2.woff)}"
                    + "@font-face{src:url(./KaTeX_Math-Italic-i1.woff2)}@font-face{src:url(./KaTeX_Fraktur-Bold-f1.woff2)}"
                    + "@font-face{src:url(./KaTeX_Size1-Regular-s1.woff2)}");

    private static List<String> hrefs(List<BundlePreloads.Link> links) {
        return links.stream().map(BundlePreloads.Link::href).toList();
    }

    @Test
    void everyPagePreloadsTheCurrentBootstrapModulesOnly() {
        BundlePreloads preloads = BundlePreloads.read(BUNDLE::get);

        assertThat(hrefs(preloads.forPage("/")))
                .containsExactly(
                        "VAADIN/build/FlowBootstrap-b1.js",
                        "VAADIN/build/generated-flow-imports-g1.js",
                        "VAADIN/build/FlowClient-c1.js");
        assertThat(preloads.forPage("/simulations/pendulum")).isEqualTo(preloads.forPage("/"));
        assertThat(preloads.forPage("/").get(0).attributes()).containsEntry("rel", "modulepreload");
    }

    @Test
    void lessonPagesAlsoPreloadTheLazyChunksTheirSharedModulesAndTheCommonMathFonts() {
        List<BundlePreloads.Link> links = BundlePreloads.read(BUNDLE::get).forPage("/lessons/the-lagrangian");

        assertThat(hrefs(links))
                .containsExactly(
                        "VAADIN/build/FlowBootstrap-b1.js",
                        "VAADIN/build/generated-flow-imports-g1.js",
                        "VAADIN/build/FlowClient-c1.js",
                        "VAADIN/build/chunk-aa-js1.js",
                        "VAADIN/build/chunk-bb-css1.css",
                        "VAADIN/build/KaTeX_Main-Regular-r1.woff2",
                        "VAADIN/build/KaTeX_Math-Italic-i1.woff2",
                        "VAADIN/build/KaTeX_Size1-Regular-s1.woff2",
                        "VAADIN/build/selectConnector-s1.js",
                        "VAADIN/build/checked-mixin-m1.js");
        assertThat(links.get(4).attributes()).containsEntry("as", "style").containsEntry("crossorigin", "");
        assertThat(links.get(5).attributes())
                .containsEntry("as", "font")
                .containsEntry("type", "font/woff2")
                .containsEntry("crossorigin", "");
    }

    @Test
    void aPageWithTheFirstStatePreloadsThePushScriptItNames() {
        Document page = Jsoup.parse("<html><head><script>window.Vaadin.TypeScript.initial = {\"appConfig\":{},"
                + "\"pushScript\":\"./VAADIN/static/push/vaadinPush-min.js?v=2ce2aa\",\"errors\":null};</script>"
                + "</head><body></body></html>");

        BundlePreloads.preloadPushScript(page);

        assertThat(page.select("link[rel=preload][as=script]")).singleElement().satisfies(link -> assertThat(
                        link.attr("href"))
                .isEqualTo("VAADIN/static/push/vaadinPush-min.js?v=2ce2aa"));
    }

    @Test
    void aPageBelowTheRootPreloadsThePushScriptFromTheRoot() {
        Document page = Jsoup.parse("<html><head><base href=\"./..\"><script>window.Vaadin.TypeScript.initial ="
                + " {\"appConfig\":{},\"pushScript\":\"./../VAADIN/static/push/vaadinPush-min.js?v=2ce2aa\","
                + "\"errors\":null};</script></head><body></body></html>");

        BundlePreloads.preloadPushScript(page);

        assertThat(page.select("link[rel=preload][as=script]")).singleElement().satisfies(link -> assertThat(
                        link.attr("href"))
                .isEqualTo("VAADIN/static/push/vaadinPush-min.js?v=2ce2aa"));
    }

    @Test
    void withoutAProductionBundleThereIsNothingToPreload() {
        BundlePreloads preloads = BundlePreloads.read(name -> null);

        assertThat(preloads.forPage("/lessons/the-lagrangian")).isEmpty();
        assertThat(preloads.forPage(null)).isEmpty();
    }
}
