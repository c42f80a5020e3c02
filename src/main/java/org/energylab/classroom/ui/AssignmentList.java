package org.energylab.classroom.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.energylab.classroom.AssignmentService;

/**
 * A student's assignments, soonest due first: each with its lesson (a link), class, due time and
 * state, "overdue" when not done in time. Shown on the home page and on the classes page.
 */
public final class AssignmentList extends Div {
    static final DateTimeFormatter DUE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public AssignmentList(List<AssignmentService.Mine> assignments) {
        addClassName("assignment-list");
        add(new H3("Your assignments"));
        UnorderedList list = new UnorderedList();
        for (AssignmentService.Mine mine : assignments) {
            ListItem item = new ListItem();
            item.addClassName("assignment");
            item.getElement().setAttribute("data-state", mine.state().name().toLowerCase());
            item.add(new Anchor(mine.assignment().address(), mine.title()));
            item.add(new Span(" · " + mine.classroom().name() + " · due "
                    + DUE.format(mine.assignment().dueAt()) + " · "));
            Span state = new Span(mine.state().label() + (mine.overdue() ? ", overdue" : ""));
            state.addClassName("assignment-state");
            if (mine.overdue()) {
                state.getStyle().set("font-weight", "bold");
            }
            item.add(state);
            list.add(item);
        }
        add(list);
    }
}
