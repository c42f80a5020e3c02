package org.energylab.lesson.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.energylab.lesson.Lesson;
import org.junit.jupiter.api.Test;

class ObjectiveListTest {
    private final ObjectiveList list = new ObjectiveList(
            List.of(
                    new Lesson.Objective("Measure $g$ from a period.", "planet-x"),
                    new Lesson.Objective("Explain why mass drops out.", "period-and-mass"),
                    new Lesson.Objective("Say why the period is the same.", "period-and-mass")),
            List.of("period-and-mass", "planet-x"),
            md -> "<p>" + md + "</p>\n");

    @Test
    void eachObjectiveLinksToItsExerciseByNumberAndStartsUnmarked() {
        List<Element> items = items();
        assertThat(items).hasSize(3);
        assertThat(items.get(0).getAttribute("data-exercise")).isEqualTo("planet-x");
        assertThat(prose(items.get(0)))
                .isEqualTo("Measure $g$ from a period. (checked by [exercise 2](#exercise-planet-x))");
        assertThat(items).allMatch(i -> "false".equals(i.getAttribute("data-achieved")));
        assertThat(marks(items.get(0))).isEmpty();
    }

    @Test
    void solvingAnExerciseMarksEveryObjectiveItChecksWithText() {
        list.achieved("period-and-mass", true);
        List<Element> items = items();
        assertThat(items.get(0).getAttribute("data-achieved")).isEqualTo("false");
        for (Element item : items.subList(1, 3)) {
            assertThat(item.getAttribute("data-achieved")).isEqualTo("true");
            assertThat(marks(item)).hasSize(1);
            Element mark = marks(item).get(0);
            assertThat(mark.getTextRecursively()).isEqualTo("✓ Achieved");
            // The tick is decoration; the word is what a screen reader says.
            assertThat(mark.getChild(0).getAttribute("aria-hidden")).isEqualTo("true");
        }

        // Marking twice adds no second mark; taking it back removes it.
        list.achieved("period-and-mass", true);
        assertThat(marks(items.get(1))).hasSize(1);
        list.achieved("period-and-mass", false);
        assertThat(marks(items.get(1))).isEmpty();
        assertThat(items.get(1).getAttribute("data-achieved")).isEqualTo("false");
        list.achieved("no-such-exercise", true);
        assertThat(items()).allMatch(i -> "false".equals(i.getAttribute("data-achieved")));
    }

    @Test
    void aSingleParagraphLosesItsTagsAndAnythingElseIsKept() {
        assertThat(ObjectiveList.inline("<p>one <em>x</em></p>\n")).isEqualTo("one <em>x</em>");
        assertThat(ObjectiveList.inline("<p>one</p>\n<p>two</p>\n")).isEqualTo("<p>one</p>\n<p>two</p>\n");
        assertThat(ObjectiveList.inline("<ul><li>a</li></ul>")).isEqualTo("<ul><li>a</li></ul>");
    }

    private List<Element> items() {
        return list.getElement()
                .getChild(1) // the prose: a paragraph, then the list
                .getChild(1)
                .getChildren()
                .filter(e -> e.getComponent().orElse(null) instanceof ListItem)
                .toList();
    }

    private static String prose(Element item) {
        return item.getChild(0).getProperty("innerHTML");
    }

    private static List<Element> marks(Element item) {
        return item.getChildren()
                .filter(e -> e.getClassList().contains("objective-achieved"))
                .toList();
    }
}
