package org.energylab.lesson.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.energylab.base.MathProse;
import org.energylab.exercise.Exercise;
import org.energylab.exercise.ExerciseService;
import org.energylab.exercise.ui.ExerciseCard;
import org.energylab.learner.Learner;
import org.energylab.learner.ui.BrowserLearner;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.energylab.lesson.LessonBlock;
import org.energylab.lesson.ProgressService;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.energylab.simulation.ui.SimulationPanel;

/**
 * A lesson: its learning objectives (ticked as the learner solves their exercises) and a link to the
 * notation page, its prose with math, the simulations embedded where the Markdown puts them (with
 * the numbers of a "try this" box folded until the learner opens them), the exercises at the end,
 * and links to the previous and next lesson.
 * The notation page is shown the same way.
 */
@Route("lessons/:id")
@AnonymousAllowed
public class LessonView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final CourseCatalog catalog;
    private final SimulationRegistry simulations;
    private final SimulationRunner runner;
    private final ExerciseService exerciseService;
    private final ProgressService progress;
    private String title = "Lesson";

    public LessonView(
            CourseCatalog catalog,
            SimulationRegistry simulations,
            SimulationRunner runner,
            ExerciseService exerciseService,
            ProgressService progress) {
        this.catalog = catalog;
        this.simulations = simulations;
        this.runner = runner;
        this.exerciseService = exerciseService;
        this.progress = progress;
        addClassName("page");
        addClassName("lesson");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        Lesson lesson = catalog.lesson(id)
                .or(() -> catalog.page(id))
                .orElseThrow(() -> new NotFoundException("No lesson " + id));
        title = lesson.title() + " · Energy Lab";
        progress.opened(BrowserLearner.current(), lesson);
        removeAll();
        add(new H1(lesson.title()));
        Paragraph summary = new Paragraph(lesson.summary());
        summary.addClassName("lesson-lead");
        add(summary);
        catalog.notation().filter(n -> !n.id().equals(lesson.id())).ifPresent(n -> {
            Anchor notation = new Anchor("/lessons/" + n.id(), "Notation: the symbols of every lesson");
            notation.addClassName("notation-link");
            add(notation);
        });
        ObjectiveList objectives = new ObjectiveList(
                lesson.objectives(),
                lesson.exercises().stream().map(Exercise::id).toList(),
                md -> catalog.html(lesson, md));
        if (!lesson.objectives().isEmpty()) {
            add(objectives);
        }
        List<SimulationPanel> panels = new ArrayList<>();
        for (LessonBlock block : lesson.blocks()) {
            if (block instanceof LessonBlock.Prose prose) {
                add(new MathProse(prose.html()));
            } else if (block instanceof LessonBlock.Reveal reveal) {
                add(reveal(reveal, panels.isEmpty() ? null : panels.get(panels.size() - 1)));
            } else if (block instanceof LessonBlock.SimulationBlock sim) {
                SimulationPanel panel = new SimulationPanel(
                        simulations.find(sim.simulation()).orElseThrow(), runner, sim.overrides(), true);
                panels.add(panel);
                add(panel);
            }
        }
        // A shared link sets the first panel of the lesson; with "run" in it (a lesson's "train with
        // this loss" link) the panel also runs.
        var query = event.getLocation().getQueryParameters().getParameters();
        if (!panels.isEmpty()) {
            panels.get(0).applyLink(query);
            if (query.containsKey("run")) {
                panels.get(0).runNow();
            }
        }
        add(exercises(lesson, panels, objectives));
        add(pager(lesson));
    }

    /**
     * The numbers of a "try this" box, folded: the learner predicts, runs the simulation above, then
     * opens them. Once that simulation has finished a run, the summary says so.
     */
    private static NativeDetails reveal(LessonBlock.Reveal reveal, SimulationPanel above) {
        NativeDetails details = new NativeDetails("Reveal the numbers (after your run)", new MathProse(reveal.html()));
        details.addClassName("reveal");
        if (above != null) {
            above.addRunCompletedListener(
                    e -> details.setSummaryText("Your run is done: reveal the numbers to compare"));
        }
        return details;
    }

    /** The exercises at the end; solving one (now or earlier) ticks the objectives it checks. */
    private Div exercises(Lesson lesson, List<SimulationPanel> panels, ObjectiveList objectives) {
        Div section = new Div();
        section.addClassName("exercises");
        if (lesson.exercises().isEmpty()) {
            return section;
        }
        section.add(new H2("Exercises"));
        int number = 1;
        List<ExerciseCard> cards = new ArrayList<>();
        Learner learner = BrowserLearner.current();
        for (Exercise exercise : lesson.exercises()) {
            ExerciseCard card = new ExerciseCard(
                    lesson.id(), number++, exercise, md -> catalog.html(lesson, md), exerciseService, learner);
            card.setId("exercise-" + exercise.id());
            objectives.achieved(exercise.id(), card.solved());
            card.addSolvedListener(e -> objectives.achieved(exercise.id(), true));
            cards.add(card);
            section.add(card);
        }
        panels.forEach(panel -> panel.addRunCompletedListener(
                e -> cards.forEach(card -> card.gradeRun(e.simulation(), e.parameters(), e.seed(), e.result()))));
        return section;
    }

    private Nav pager(Lesson lesson) {
        Nav pager = new Nav();
        pager.addClassName("pager");
        catalog.previous(lesson).ifPresent(p -> {
            Anchor previous = new Anchor("/lessons/" + p.id(), "← " + p.title());
            previous.addClassName("previous");
            pager.add(previous);
        });
        catalog.next(lesson).ifPresent(n -> {
            Anchor next = new Anchor("/lessons/" + n.id(), n.title() + " →");
            next.addClassName("next");
            pager.add(next);
        });
        if (pager.getChildren().findAny().isEmpty()) {
            pager.add(new Anchor("/", "Back to the course"));
        }
        return pager;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
