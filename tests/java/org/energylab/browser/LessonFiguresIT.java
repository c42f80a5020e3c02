package org.energylab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every lesson's figures as the learner sees them: each image loads (served from the content folder
 * under the page's security policy), has alt text, fits the text column and is drawn at a readable
 * size. Each figure with its caption is saved to target/screenshots/figure-LESSON-N.png.
 */
class LessonFiguresIT extends PageTest {
    /** Shrunk further than this, a figure's 12-14 px labels would fall below a readable size. */
    private static final double MIN_SCALE = 0.8;

    private static final double FIRST_PAGE_MS = 180_000;

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"[-\\d.]+ [-\\d.]+ ([\\d.]+) ");

    @Autowired
    CourseCatalog catalog;

    @Test
    void everyLessonShowsItsFiguresLoadedDescribedAndReadable() throws IOException {
        CspWatch csp = CspWatch.on(page);
        List<String> wrong = new ArrayList<>();
        for (Lesson lesson : catalog.lessons()) {
            page.navigate(url("/lessons/" + lesson.id()));
            // Generous: on a loaded machine the first page of a fresh server can take over a minute.
            page.locator("main h1").waitFor(new Locator.WaitForOptions().setTimeout(FIRST_PAGE_MS));
            page.waitForCondition(
                    () -> page.locator(".math:not([data-typeset])").count() == 0);
            Locator figures = page.locator("main .prose img");
            if (figures.count() == 0) {
                wrong.add(lesson.id() + ": no figure on the page");
            }
            for (int i = 0; i < figures.count(); i++) {
                Locator figure = figures.nth(i);
                figure.scrollIntoViewIfNeeded();
                page.waitForCondition(() -> (Boolean) figure.evaluate("e => e.complete"));
                String name = lesson.id() + " figure " + (i + 1) + " (" + figure.getAttribute("src") + ")";
                if (((Number) figure.evaluate("e => e.naturalWidth")).intValue() == 0) {
                    wrong.add(name + ": did not load");
                }
                if (figure.getAttribute("alt") == null
                        || figure.getAttribute("alt").isBlank()) {
                    wrong.add(name + ": no alt text");
                }
                double width = ((Number) figure.evaluate("e => e.getBoundingClientRect().width")).doubleValue();
                double column = ((Number) figure.evaluate("e => e.closest('.prose').getBoundingClientRect().width"))
                        .doubleValue();
                double drawn = drawnWidth(figure.getAttribute("src"));
                if (width < MIN_SCALE * drawn || width > column + 0.5) {
                    wrong.add(name + ": drawn " + drawn + " px wide, shown at " + width + " px in a " + column
                            + " px column");
                }
                // The paragraph holds the figure and its caption.
                figure.locator("xpath=..")
                        .screenshot(new Locator.ScreenshotOptions()
                                .setPath(BrowserSession.SCREENSHOTS.resolve(
                                        "figure-" + lesson.id() + "-" + (i + 1) + ".png")));
            }
            csp.assertNone("lesson " + lesson.id());
        }

        assertThat(catalog.lessons()).isNotEmpty();
        assertThat(wrong).as("figures that a learner could not see or read").isEmpty();
    }

    /** The width an SVG figure was drawn for (its view box); other images count as their own size. */
    private static double drawnWidth(String src) throws IOException {
        Path file = Path.of("content", src.substring(CourseCatalog.ASSET_PATH.length()));
        if (!src.endsWith(".svg")) {
            return 0;
        }
        Matcher viewBox = VIEW_BOX.matcher(Files.readString(file));
        return viewBox.find() ? Double.parseDouble(viewBox.group(1)) : 0;
    }
}
