package org.energylab.classroom.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.energylab.account.SignedInUser;
import org.energylab.classroom.Assignment;
import org.energylab.classroom.AssignmentService;
import org.energylab.classroom.ClassException;
import org.energylab.classroom.SimulationSetup;
import org.energylab.lesson.CourseCatalog;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.energylab.simulation.ui.RunCompletedEvent;
import org.energylab.simulation.ui.SimulationPanel;

/**
 * A simulation assignment: the simulation set up as the teacher chose, the locked settings greyed
 * out, the others the student's to change. A student's finished run is recorded and completes the
 * assignment; the class's teacher (or an admin) sees the same page as a preview, without recording.
 * Anyone else is told they may not see it; {@link AssignmentService} decides who may.
 */
@Route("assignments/:id")
@PermitAll
public class AssignmentView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final AssignmentService assignments;
    private final SimulationRegistry simulations;
    private final SimulationRunner runner;
    private final CourseCatalog catalog;
    private final SignedInUser user;
    private final Paragraph state = new Paragraph();
    private String title = "Assignment · Energy Lab";
    private long assignmentId;

    public AssignmentView(
            AssignmentService assignments,
            SimulationRegistry simulations,
            SimulationRunner runner,
            CourseCatalog catalog,
            AuthenticationContext authentication) {
        this.assignments = assignments;
        this.simulations = simulations;
        this.runner = runner;
        this.catalog = catalog;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElse(null);
        addClassNames("page", "assignment-page");
        state.addClassName("assignment-done-state");
        state.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long id = ClassPages.id(event.getRouteParameters().get("id").orElse(""));
        try {
            show(assignments.open(user, id));
        } catch (ClassException e) {
            title = "Assignment · Energy Lab";
            add(new H2("Assignment"), ClassPages.refusal(e));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(AssignmentService.Opened opened) {
        Assignment assignment = opened.assignment();
        assignmentId = assignment.id();
        getElement().setAttribute("data-assignment", Long.toString(assignmentId));
        SimulationSetup setup = assignment.simulation();
        Simulation simulation = simulations.find(setup.simulationId()).orElse(null);
        if (simulation == null) {
            add(
                    new H2("Assignment"),
                    new Paragraph("The simulation \"" + setup.simulationId()
                            + "\" of this assignment is no longer in the course; ask your teacher for another."));
            return;
        }
        title = "Assignment: " + simulation.title() + " · Energy Lab";
        add(new H2("Assignment: " + simulation.title()));
        Paragraph about = new Paragraph(new Span(opened.classroom().name() + " · due "
                + AssignmentList.DUE.format(assignment.dueAt()) + " · from the lesson "));
        about.add(ClassPages.inText(
                "/lessons/" + assignment.lessonId(),
                ClassPages.number(catalog, assignment.lessonId()) + " "
                        + catalog.lesson(assignment.lessonId())
                                .map(l -> l.title())
                                .orElse(assignment.lessonId())));
        add(about);
        String locked = SetupText.locked(simulation, setup);
        add(new Paragraph(
                locked.isEmpty()
                        ? "Your teacher set the simulation up for you; every setting is yours to change. A run"
                                + " that finishes completes the assignment."
                        : "Your teacher fixed " + locked + " (greyed out below). Change the other settings as"
                                + " you like; a run that finishes completes the assignment."));
        add(state);
        SimulationPanel panel = new SimulationPanel(
                simulation, runner, new java.util.LinkedHashMap<String, Object>(setup.values()), false);
        panel.lock(setup.locked());
        if (opened.student()) {
            showState(opened.done(), null);
            panel.addRunCompletedListener(this::record);
        } else {
            state.setText("Preview: your students see this page. Runs you make here are not recorded.");
        }
        add(panel);
    }

    private void record(RunCompletedEvent event) {
        try {
            assignments.recordRun(user, assignmentId, event.parameters(), event.seed());
            showState(true, "Your run is recorded; your teacher sees the assignment as done.");
        } catch (ClassException e) {
            showState(false, e.getMessage());
        }
    }

    private void showState(boolean done, String message) {
        state.getElement().setAttribute("data-done", Boolean.toString(done));
        state.setText(
                message != null
                        ? message
                        : done
                                ? "Done: your run is recorded. Run it again as often as you like."
                                : "Not done yet: run the simulation to the end.");
    }
}
