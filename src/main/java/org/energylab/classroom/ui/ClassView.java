package org.energylab.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.energylab.account.SignedInUser;
import org.energylab.classroom.AssignmentService;
import org.energylab.classroom.ClassException;
import org.energylab.classroom.ClassService;
import org.energylab.classroom.Classroom;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;

/**
 * A class's dashboard, for its teacher and for admins: one row per student, one column per lesson
 * with its state (done, exercises solved, opened, not opened), a link to each student's details and
 * the CSV export; above it, the class's assignments with who has finished each, and a form to set one. Anyone else is told they may not see it; {@link ClassService} decides who may.
 */
@Route("classes/:classId")
@PermitAll
public class ClassView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private final ClassService classes;
    private final AssignmentService assignments;
    private final CourseCatalog catalog;
    private final SimulationRegistry simulations;
    private final SignedInUser user;
    private String title = "Class · Energy Lab";

    final Select<Lesson> lesson = new Select<>();
    final Select<String> exercise = new Select<>();
    final DatePicker due = new DatePicker("Due date");
    final TextField simulationLink = new TextField("Simulation address");
    final Div lockBox = new Div();
    final DatePicker simulationDue = new DatePicker("Due date");
    private final Paragraph lockError = new Paragraph();
    private final java.util.Map<String, Checkbox> locks = new java.util.LinkedHashMap<>();

    public ClassView(
            ClassService classes,
            AssignmentService assignments,
            CourseCatalog catalog,
            SimulationRegistry simulations,
            AuthenticationContext authentication) {
        this.simulations = simulations;
        this.classes = classes;
        this.assignments = assignments;
        this.catalog = catalog;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElse(null);
        addClassNames("page", "class-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long classId = ClassPages.id(event.getRouteParameters().get("classId").orElse(""));
        try {
            Classroom classroom = classes.manage(user, classId);
            title = classroom.name() + " · Energy Lab";
            show(classroom, classes.progress(user, classId));
        } catch (ClassException e) {
            title = "Class · Energy Lab";
            add(new H2("Class"), ClassPages.refusal(e));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(Classroom classroom, List<ClassService.StudentProgress> students) {
        add(new H2(classroom.name()));
        Span code = new Span(classroom.joinCode());
        code.addClassName("join-code");
        String link = ClassLinks.join(classroom);
        Anchor joinLink = ClassPages.inText(link, link);
        joinLink.addClassName("join-link");
        add(new Paragraph(new Span("Join code: "), code, new Span(" · join link: "), joinLink));
        Anchor csv = ClassPages.inText(ClassLinks.csv(classroom.id()), "Download the progress as CSV");
        csv.addClassName("class-csv");
        csv.getElement().setAttribute("download", "class-" + classroom.id() + "-progress.csv");
        // A file from the API, not a page: the browser fetches it, Vaadin's router stays out of it.
        csv.getElement().setAttribute("router-ignore", true);
        add(new Paragraph(new Span(students.size() + (students.size() == 1 ? " student · " : " students · ")), csv));
        add(
                new H3("Assignments"),
                subheading("A lesson or one of its exercises"),
                assignmentForm(classroom),
                simulationForm(classroom),
                subheading("Set for this class"),
                reviews(classroom));
        add(new H3("Progress"));
        if (students.isEmpty()) {
            add(new Paragraph("No students yet: give them the join code or the join link."));
            return;
        }
        add(new Paragraph("Each lesson shows ✓ when the student completed it, otherwise the exercises solved out of"
                + " those in the lesson; \"—\" for a lesson not opened. The student's page has every exercise's"
                + " tries and last attempt."));
        add(grid(classroom, students));
    }

    private HorizontalLayout assignmentForm(Classroom classroom) {
        lesson.setLabel("Lesson");
        lesson.setItems(catalog.lessons());
        lesson.setItemLabelGenerator(l -> ClassPages.number(catalog, l.id()) + " " + l.title());
        lesson.addValueChangeListener(e -> {
            exercise.clear();
            exercise.setItems(
                    e.getValue() == null
                            ? List.of()
                            : e.getValue().exercises().stream().map(x -> x.id()).toList());
        });
        exercise.setLabel("Exercise");
        exercise.setEmptySelectionAllowed(true);
        exercise.setEmptySelectionCaption("The whole lesson");
        // "Exercise 2 (period-and-mass)": numbered as on the lesson page, with the id the CSV uses.
        exercise.setItemLabelGenerator(id -> {
            List<String> ids = lesson.getValue() == null
                    ? List.of()
                    : lesson.getValue().exercises().stream().map(x -> x.id()).toList();
            if (id == null) {
                return "The whole lesson";
            }
            return ids.contains(id) ? "Exercise " + (ids.indexOf(id) + 1) + " (" + id + ")" : id;
        });
        due.setHelperText("Due at the end of that day (UTC)");
        due.setPlaceholder("YYYY-MM-DD");
        due.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        due.setMin(LocalDate.now(ZoneOffset.UTC));
        Button assign = new Button("Assign", e -> assign(classroom));
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(lesson, exercise, due, assign);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassName("assignment-form");
        form.setWrap(true);
        return form;
    }

    /**
     * A simulation as the teacher set it up on its own page: its address pasted here, the settings to
     * lock ticked (those the address sets are ticked to begin with), and a due date.
     */
    private Div simulationForm(Classroom classroom) {
        Paragraph intro = new Paragraph("Open the simulation on its own page (Simulations, in the menu), set it"
                + " up, copy the address from the browser, and paste it here. Tick the settings your students may"
                + " not change.");
        intro.addClassName("simulation-form-intro");
        simulationLink.setPlaceholder("/simulations/pendulum?planet=moon&length=2");
        simulationLink.setClearButtonVisible(true);
        simulationLink.setWidthFull();
        simulationLink.getStyle().set("max-width", "40em");
        simulationLink.setValueChangeMode(ValueChangeMode.LAZY);
        simulationLink.addValueChangeListener(e -> showLocks(e.getValue()));
        lockBox.addClassName("simulation-locks");
        lockBox.getElement().setAttribute("role", "group");
        Span lockLabel = new Span("Lock for the students");
        lockLabel.setId("simulation-locks-label");
        lockLabel.addClassName("simulation-locks-label");
        lockBox.getElement().setAttribute("aria-labelledby", lockLabel.getId().orElseThrow());
        lockError.addClassName("simulation-locks-error");
        lockError.getElement().setAttribute("role", "alert");
        lockError.setVisible(false);
        showLocks("");
        simulationDue.setHelperText("Due at the end of that day (UTC)");
        simulationDue.setPlaceholder("YYYY-MM-DD");
        simulationDue.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        simulationDue.setMin(LocalDate.now(ZoneOffset.UTC));
        Button assign = new Button("Assign the simulation", e -> assignSimulation(classroom));
        assign.addClassName("assign-simulation");
        HorizontalLayout row = new HorizontalLayout(simulationDue, assign);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        lockLabel
                .getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500")
                .set("margin-top", "var(--lumo-space-s)");
        lockBox.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");
        Div form = new Div(
                subheading("A simulation set up for the class"),
                intro,
                simulationLink,
                lockLabel,
                lockBox,
                lockError,
                row);
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "stretch");
        form.addClassName("simulation-assignment-form");
        return form;
    }

    /** A heading inside the assignments section, with room above it to tell the parts apart. */
    private static H4 subheading(String text) {
        H4 heading = new H4(text);
        heading.getStyle().set("margin", "var(--lumo-space-l) 0 var(--lumo-space-xs)");
        return heading;
    }

    /** One checkbox per setting of the simulation the address names; a line saying so otherwise. */
    private void showLocks(String link) {
        lockBox.removeAll();
        locks.clear();
        java.util.Optional<Simulation> simulation =
                AssignmentService.simulationId(link).flatMap(simulations::find);
        if (simulation.isEmpty()) {
            lockBox.add(new Span("The settings appear here once the address names a simulation."));
            return;
        }
        java.util.Map<String, String> values = AssignmentService.linkValues(link);
        for (ParameterSpec spec : SetupText.settings(simulation.get())) {
            Checkbox box = new Checkbox(SetupText.setting(spec, values));
            box.setValue(values.containsKey(spec.name()));
            box.getElement().setAttribute("data-setting", spec.name());
            locks.put(spec.name(), box);
            lockBox.add(box);
        }
    }

    void assignSimulation(Classroom classroom) {
        simulationLink.setInvalid(false);
        simulationDue.setInvalid(false);
        lockError.setVisible(false);
        List<String> locked = locks.entrySet().stream()
                .filter(e -> e.getValue().getValue())
                .map(java.util.Map.Entry::getKey)
                .toList();
        try {
            assignments.assignSimulation(
                    user,
                    classroom.id(),
                    simulationLink.getValue(),
                    locked,
                    simulationDue.getValue() == null
                            ? ""
                            : simulationDue.getValue().toString());
        } catch (ClassException e) {
            switch (e.field() == null ? "" : e.field()) {
                case "simulationLink" -> {
                    simulationLink.setErrorMessage(e.getMessage());
                    simulationLink.setInvalid(true);
                    simulationLink.focus();
                }
                case "locked" -> {
                    lockError.setText(e.getMessage());
                    lockError.setVisible(true);
                }
                default -> {
                    simulationDue.setErrorMessage(e.getMessage());
                    simulationDue.setInvalid(true);
                    simulationDue.focus();
                }
            }
            return;
        }
        UI.getCurrent().getPage().reload();
    }

    void assign(Classroom classroom) {
        lesson.setInvalid(false);
        exercise.setInvalid(false);
        due.setInvalid(false);
        try {
            assignments.assign(
                    user,
                    classroom.id(),
                    lesson.getValue() == null ? null : lesson.getValue().id(),
                    exercise.getValue(),
                    due.getValue() == null ? "" : due.getValue().toString());
        } catch (ClassException e) {
            switch (e.field() == null ? "" : e.field()) {
                case "lessonId" -> {
                    lesson.setErrorMessage(e.getMessage());
                    lesson.setInvalid(true);
                    lesson.focus();
                }
                case "exerciseId" -> {
                    exercise.setErrorMessage(e.getMessage());
                    exercise.setInvalid(true);
                    exercise.focus();
                }
                default -> {
                    due.setErrorMessage(e.getMessage());
                    due.setInvalid(true);
                    due.focus();
                }
            }
            return;
        }
        UI.getCurrent().getPage().reload();
    }

    private Div reviews(Classroom classroom) {
        Div list = new Div();
        list.addClassName("assignment-reviews");
        List<AssignmentService.Review> reviews = assignments.review(user, classroom.id());
        if (reviews.isEmpty()) {
            list.add(new Paragraph("Nothing assigned yet."));
            return list;
        }
        UnorderedList items = new UnorderedList();
        for (AssignmentService.Review review : reviews) {
            ListItem item = new ListItem();
            item.add(ClassPages.inText(review.assignment().address(), review.title()));
            item.add(new Span(" · due "
                    + AssignmentList.DUE.format(review.assignment().dueAt()) + " · finished "
                    + review.finished().size() + " of " + review.students()
                    + (review.finished().isEmpty() ? "" : ": " + String.join(", ", review.finished()))));
            item.addClassName("assignment-review");
            items.add(item);
        }
        list.add(items);
        return list;
    }

    private Div grid(Classroom classroom, List<ClassService.StudentProgress> students) {
        Grid<ClassService.StudentProgress> grid = new Grid<>();
        grid.addClassName("class-grid");
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(s -> new Anchor(ClassLinks.student(classroom.id(), s.userId()), s.username()))
                .setHeader("Student")
                .setFrozen(true)
                .setAutoWidth(true);
        grid.addColumn(s -> s.completed() + " of " + s.lessons().size())
                .setHeader("Lessons done")
                .setAutoWidth(true);
        List<ClassService.LessonStatus> first = students.get(0).lessons();
        for (int i = 0; i < first.size(); i++) {
            int index = i;
            ClassService.LessonStatus lesson = first.get(i);
            Span header = new Span(ClassPages.number(catalog, lesson.lessonId()));
            header.getElement().setAttribute("title", lesson.title());
            grid.addColumn(s -> ClassPages.cell(s.lessons().get(index)))
                    .setHeader(header)
                    .setTextAlign(ColumnTextAlign.CENTER)
                    .setAutoWidth(true)
                    .setKey(lesson.lessonId());
        }
        grid.setItems(students);
        grid.setAllRowsVisible(true);
        Div wrapper = new Div(grid);
        wrapper.addClassName("class-grid-wrapper");
        return wrapper;
    }
}
