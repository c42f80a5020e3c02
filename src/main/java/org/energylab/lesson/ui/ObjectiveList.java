package org.energylab.lesson.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.energylab.base.MathProse;
import org.energylab.lesson.Lesson;

/**
 * "By the end of this lesson you can …": a lesson's learning objectives, each linked to the exercise
 * that checks it and marked "✓ Achieved" once the learner has solved that exercise. The mark is text
 * (the tick itself is hidden from screen readers), so it is read out, not only seen.
 */
final class ObjectiveList extends Div {
    private final Map<String, List<ListItem>> itemsByExercise = new LinkedHashMap<>();

    /**
     * @param markdown renders the lesson's Markdown (math, links) to HTML
     * @param exerciseIds the lesson's exercises in their order on the page, for "exercise n"
     */
    ObjectiveList(List<Lesson.Objective> objectives, List<String> exerciseIds, UnaryOperator<String> markdown) {
        addClassName("objectives");
        UnorderedList list = new UnorderedList();
        for (Lesson.Objective objective : objectives) {
            int number = 1 + exerciseIds.indexOf(objective.exercise());
            String text = objective.text().replace("\n", " ") + " (checked by [exercise " + number + "](#exercise-"
                    + objective.exercise() + "))";
            MathProse prose = new MathProse(inline(markdown.apply(text)));
            prose.getStyle().set("display", "inline");
            ListItem item = new ListItem(prose);
            item.getElement().setAttribute("data-exercise", objective.exercise());
            item.getElement().setAttribute("data-achieved", "false");
            list.add(item);
            itemsByExercise
                    .computeIfAbsent(objective.exercise(), id -> new ArrayList<>())
                    .add(item);
        }
        Div prose = new Div(new Paragraph("By the end of this lesson you can:"), list);
        prose.addClassName("prose");
        add(new H2("Objectives"), prose);
    }

    /** Marks the objectives that {@code exerciseId} checks as achieved, or takes the mark away. */
    void achieved(String exerciseId, boolean achieved) {
        for (ListItem item : itemsByExercise.getOrDefault(exerciseId, List.of())) {
            boolean marked = "true".equals(item.getElement().getAttribute("data-achieved"));
            if (marked == achieved) {
                continue;
            }
            item.getElement().setAttribute("data-achieved", Boolean.toString(achieved));
            if (achieved) {
                item.add(mark());
            } else {
                item.getChildren()
                        .filter(c -> c.getElement().getClassList().contains("objective-achieved"))
                        .toList()
                        .forEach(item::remove);
            }
        }
    }

    /** A green "✓ Achieved" after the objective; styled inline so that no theme file has to change. */
    private static Span mark() {
        Span tick = new Span("✓");
        tick.getElement().setAttribute("aria-hidden", "true");
        Span mark = new Span(tick, new Span(" Achieved"));
        mark.addClassName("objective-achieved");
        mark.getStyle()
                .set("margin-left", "var(--lumo-space-s)")
                .set("font-weight", "600")
                .set("color", "var(--lumo-success-text-color)")
                .set("white-space", "nowrap");
        return mark;
    }

    /** One paragraph of rendered Markdown without its {@code <p>}, as a tight list item holds it. */
    static String inline(String html) {
        String trimmed = html.strip();
        if (trimmed.startsWith("<p>") && trimmed.endsWith("</p>") && trimmed.indexOf("<p>", 1) < 0) {
            return trimmed.substring(3, trimmed.length() - 4);
        }
        return html;
    }
}
