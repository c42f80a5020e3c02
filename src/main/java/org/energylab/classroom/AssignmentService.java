package org.energylab.classroom;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energylab.account.Role;
import org.energylab.account.SignedInUser;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.energylab.lesson.LessonBlock;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.Seed;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Assignments: the class's teacher (or an admin) sets a lesson or one of its exercises with a due
 * time; each student of the class sees theirs with its state; the teacher sees who has finished.
 * The same rules as {@link ClassService}: only who manages a class sets or reviews its assignments,
 * a student sees only their own state.
 */
@Service
public class AssignmentService {
    /** The most assignments one class holds, and one student's list shows. */
    static final int MAX_ASSIGNMENTS = 200;

    /** The longest simulation address a teacher may assign. */
    static final int MAX_LINK = 1500;

    /** A simulation page's address, with or without the site: group 1 the id, group 2 the query. */
    private static final Pattern SIMULATION_ADDRESS =
            Pattern.compile("(?:https?://[^/?#\\s]+)?/?simulations/([a-z0-9-]{1,100})/?(?:\\?([^#\\s]*))?(?:#\\S*)?");

    private final ClassService classes;
    private final AssignmentStore store;
    private final Supplier<CourseCatalog> catalog;
    private final Clock clock;
    private final SimulationRegistry simulations;

    /** One assignment as a student sees it. */
    public record Mine(
            Assignment assignment, Classroom classroom, String title, Assignment.State state, boolean overdue) {}

    /** One assignment as the teacher sees it: who has finished, out of how many students. */
    public record Review(Assignment assignment, String title, List<String> finished, int students) {}

    @Autowired
    public AssignmentService(
            ClassService classes,
            AssignmentStore store,
            ObjectProvider<CourseCatalog> catalog,
            SimulationRegistry simulations) {
        this(classes, store, catalog::getObject, simulations, Clock.systemUTC());
    }

    AssignmentService(
            ClassService classes,
            AssignmentStore store,
            Supplier<CourseCatalog> catalog,
            SimulationRegistry simulations,
            Clock clock) {
        this.classes = classes;
        this.simulations = simulations;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Sets a lesson (or, with {@code exerciseId}, one exercise of it) for the class, due at {@code
     * due}: a date {@code YYYY-MM-DD} (due at the end of that day, UTC) or an ISO-8601 time with its
     * offset ({@code 2026-10-01T17:00:00Z}). Not in the past.
     */
    public Assignment assign(SignedInUser user, long classId, String lessonId, String exerciseId, String due) {
        Classroom classroom = classes.manage(user, classId);
        Lesson lesson = catalog.get()
                .lesson(lessonId == null ? "" : lessonId.strip())
                .orElseThrow(() -> ClassException.invalid(
                        "lessonId",
                        lessonId == null || lessonId.isBlank()
                                ? "Choose the lesson to assign"
                                : "There is no lesson \"" + lessonId + "\""));
        String exercise = exerciseId == null || exerciseId.isBlank() ? null : exerciseId.strip();
        if (exercise != null && lesson.exercises().stream().noneMatch(e -> e.id().equals(exercise))) {
            throw ClassException.invalid(
                    "exerciseId", "The lesson \"" + lesson.title() + "\" has no exercise \"" + exercise + "\"");
        }
        Instant dueAt = dueAndRoom(classroom, due);
        return store.create(classroom.id(), lesson.id(), exercise, null, dueAt, clock.instant());
    }

    /**
     * Sets a simulation for the class as the simulation's own page is set up at {@code link} (its
     * address, {@code /simulations/pendulum?planet=moon}, with or without the site), with the
     * parameters named in {@code locked} fixed for the students; a locked parameter the link does not
     * set is fixed at its default. A student's finished run with the locked values completes it.
     */
    public Assignment assignSimulation(
            SignedInUser user, long classId, String link, Collection<String> locked, String due) {
        Classroom classroom = classes.manage(user, classId);
        SimulationSetup setup = setup(link, locked == null ? List.of() : locked);
        Lesson lesson = catalog.get().lessons().stream()
                .filter(l -> l.blocks().stream()
                        .anyMatch(b -> b instanceof LessonBlock.SimulationBlock s
                                && s.simulation().equals(setup.simulationId())))
                .findFirst()
                .orElseThrow(() -> ClassException.invalid(
                        "simulationLink",
                        "The simulation \"" + setup.simulationId() + "\" is in no lesson of the course"));
        Instant dueAt = dueAndRoom(classroom, due);
        return store.create(classroom.id(), lesson.id(), null, setup, dueAt, clock.instant());
    }

    /** The due time, checked not to be past, once the class has room for one more assignment. */
    private Instant dueAndRoom(Classroom classroom, String due) {
        Instant dueAt = parseDue(due);
        if (dueAt.isBefore(clock.instant())) {
            throw ClassException.invalid("dueAt", "That due date has passed; choose a later one");
        }
        if (store.count(classroom.id()) >= MAX_ASSIGNMENTS) {
            throw ClassException.invalid(
                    null, "A class holds at most " + MAX_ASSIGNMENTS + " assignments; this one has as many");
        }
        return dueAt;
    }

    /**
     * Reads a simulation's address and the names to lock, checking every value as the API would.
     *
     * @throws ClassException on the field {@code link} or {@code locked}
     */
    SimulationSetup setup(String link, Collection<String> locked) {
        String text = link == null ? "" : link.strip();
        if (text.isEmpty()) {
            throw ClassException.invalid(
                    "simulationLink",
                    "Paste the address of the simulation's page, such as /simulations/pendulum?planet=moon");
        }
        if (text.length() > MAX_LINK) {
            throw ClassException.invalid("simulationLink", "That address is longer than " + MAX_LINK + " characters");
        }
        Matcher address = SIMULATION_ADDRESS.matcher(text);
        if (!address.matches()) {
            throw ClassException.invalid(
                    "simulationLink",
                    "That is not a simulation's address: open the simulation on its own page, set it up, and"
                            + " copy the address, such as /simulations/pendulum?planet=moon");
        }
        Simulation simulation = simulations
                .find(address.group(1))
                .orElseThrow(() -> ClassException.invalid(
                        "simulationLink", "There is no simulation \"" + address.group(1) + "\""));
        Map<String, String> given;
        try {
            given = SimulationSetup.parseQuery(address.group(2));
        } catch (IllegalArgumentException e) {
            throw ClassException.invalid(
                    "simulationLink", "The address has a broken %-escape; copy it again from the page");
        }
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        simulation.schema().parameters().forEach(p -> specs.put(p.name(), p));
        if (simulation.usesSeed()) {
            specs.put(Seed.FIELD, Seed.SPEC);
        }
        for (String name : given.keySet()) {
            if (!specs.containsKey(name)) {
                throw ClassException.invalid(
                        "simulationLink",
                        simulation.title() + " has no setting \"" + name + "\"; copy the address again");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach((name, value) -> values.put(name, value.strip()));
        List<String> lockedNames = new ArrayList<>();
        for (String name : locked) {
            if (!specs.containsKey(name)) {
                throw ClassException.invalid("locked", simulation.title() + " has no setting \"" + name + "\" to lock");
            }
        }
        for (ParameterSpec spec : specs.values()) {
            if (locked.contains(spec.name())) {
                lockedNames.add(spec.name());
                // Fixed at its default when the address leaves it out, unless the other values make it
                // count for nothing (gravity on a named planet): then it stays out, as the form greys it.
                ParameterSpec.Condition condition = spec.activeWhen();
                boolean active = condition == null
                        || condition
                                .value()
                                .equals(values.getOrDefault(
                                        condition.parameter(), defaultText(specs.get(condition.parameter()))));
                if (active) {
                    values.computeIfAbsent(spec.name(), n -> defaultText(spec));
                }
            }
        }
        try {
            if (values.containsKey(Seed.FIELD)) {
                Seed.parse(values.get(Seed.FIELD));
            }
            Map<String, String> raw = new LinkedHashMap<>(values);
            raw.remove(Seed.FIELD);
            simulation.schema().refuseInactive(raw, SimulationRegistry.validate(simulation, raw));
        } catch (InvalidParameterException e) {
            ParameterSpec spec = specs.get(e.field());
            throw ClassException.invalid(
                    "simulationLink", (spec == null ? "" : spec.label() + ": ") + e.getMessage() + " (in the address)");
        }
        return new SimulationSetup(simulation.id(), values, lockedNames);
    }

    /** The simulation an address names, if it is a simulation's address at all (unknown ids included). */
    public static Optional<String> simulationId(String link) {
        Matcher address = SIMULATION_ADDRESS.matcher(link == null ? "" : link.strip());
        return address.matches() ? Optional.of(address.group(1)) : Optional.empty();
    }

    /** The values a simulation's address sets, as text; none when it is not one or cannot be read. */
    public static Map<String, String> linkValues(String link) {
        Matcher address = SIMULATION_ADDRESS.matcher(link == null ? "" : link.strip());
        try {
            return address.matches() ? SimulationSetup.parseQuery(address.group(2)) : Map.of();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** An assignment as the page that shows it needs it: the student doing it, or who manages it. */
    public record Opened(Assignment assignment, Classroom classroom, boolean student, boolean done) {}

    /**
     * A simulation assignment for its page: a student of its class (who does it) or who manages the
     * class (who previews it); nobody else.
     */
    public Opened open(SignedInUser user, long assignmentId) {
        if (user == null) {
            throw ClassException.forbidden("Sign in first");
        }
        Assignment assignment = store.find(assignmentId)
                .filter(a -> a.simulation() != null)
                .orElseThrow(() -> ClassException.noAssignment(assignmentId));
        if (user.role() == Role.STUDENT) {
            Classroom classroom = classes.classesOf(user).stream()
                    .filter(c -> c.id() == assignment.classId())
                    .findFirst()
                    .orElseThrow(() -> ClassException.forbidden("This assignment is for a class you are not in"));
            boolean done = store.assignmentsRunBy(user.id()).contains(assignmentId);
            return new Opened(assignment, classroom, true, done);
        }
        return new Opened(assignment, classes.manage(user, assignment.classId()), false, false);
    }

    /**
     * Records a student's finished run of a simulation assignment, when its locked values are those
     * the teacher set. A teacher's or an admin's preview run is not recorded.
     *
     * @return whether the run was recorded
     * @throws ClassException when a locked value differs (field: the parameter)
     */
    public boolean recordRun(SignedInUser user, long assignmentId, Parameters parameters, Long seed) {
        Opened opened = open(user, assignmentId);
        if (!opened.student()) {
            return false;
        }
        SimulationSetup setup = opened.assignment().simulation();
        Simulation simulation = simulations.find(setup.simulationId()).orElseThrow();
        Map<String, String> raw = new LinkedHashMap<>(setup.values());
        raw.remove(Seed.FIELD);
        Parameters set = SimulationRegistry.validate(simulation, raw);
        for (String name : setup.locked()) {
            boolean same = name.equals(Seed.FIELD)
                    ? seed != null && seed == Seed.parse(setup.values().get(Seed.FIELD))
                    : java.util.Objects.equals(
                            set.asMap().get(name), parameters.asMap().get(name));
            if (!same) {
                throw ClassException.invalid(name, "Your teacher fixed this setting; run it with the value set");
            }
        }
        Map<String, String> ran = new LinkedHashMap<>();
        parameters
                .asMap()
                .forEach((name, value) ->
                        ran.put(name, value instanceof Double d ? ParameterSpec.format(d) : String.valueOf(value)));
        if (seed != null) {
            ran.put(Seed.FIELD, Long.toString(seed));
        }
        store.recordRun(
                assignmentId,
                user.id(),
                new SimulationSetup(setup.simulationId(), ran, List.of()).query(),
                clock.instant());
        return true;
    }

    private static String defaultText(ParameterSpec spec) {
        return spec.defaultValue() instanceof Double d ? ParameterSpec.format(d) : String.valueOf(spec.defaultValue());
    }

    /** The signed-in student's assignments in every class they are in, soonest due first; none for other roles. */
    public List<Mine> mine(SignedInUser user) {
        if (user == null) {
            throw ClassException.forbidden("Sign in first");
        }
        if (user.role() != Role.STUDENT) {
            return List.of();
        }
        Map<Long, Classroom> joined = new HashMap<>();
        classes.classesOf(user).forEach(c -> joined.put(c.id(), c));
        Map<String, ClassService.LessonStatus> lessons = byLesson(classes.lessons(user.learner()));
        Instant now = clock.instant();
        List<Mine> mine = new ArrayList<>();
        Set<Long> run = store.assignmentsRunBy(user.id());
        for (Assignment assignment : store.ofStudent(user.id(), MAX_ASSIGNMENTS)) {
            ClassService.LessonStatus lesson = lessons.get(assignment.lessonId());
            if (lesson == null || !joined.containsKey(assignment.classId())) {
                continue; // a lesson no longer in the course
            }
            Assignment.State state = assignment.simulation() == null
                    ? assignment.stateOf(lesson)
                    : run.contains(assignment.id()) ? Assignment.State.DONE : Assignment.State.NOT_STARTED;
            mine.add(new Mine(
                    assignment,
                    joined.get(assignment.classId()),
                    title(lesson.title(), assignment),
                    state,
                    state != Assignment.State.DONE && now.isAfter(assignment.dueAt())));
        }
        return List.copyOf(mine);
    }

    /** The class's assignments with who has finished each, for who manages the class. */
    public List<Review> review(SignedInUser user, long classId) {
        Classroom classroom = classes.manage(user, classId);
        List<ClassService.StudentProgress> students = classes.progress(user, classroom.id());
        List<Review> reviews = new ArrayList<>();
        Map<Long, Map<String, ClassService.LessonStatus>> lessonsOf = new HashMap<>();
        students.forEach(s -> lessonsOf.put(s.userId(), byLesson(s.lessons())));
        for (Assignment assignment : store.ofClass(classroom.id(), MAX_ASSIGNMENTS)) {
            List<String> finished = new ArrayList<>();
            Set<Long> run = assignment.simulation() == null ? Set.of() : store.studentsWithRuns(assignment.id());
            for (ClassService.StudentProgress student : students) {
                ClassService.LessonStatus lesson =
                        lessonsOf.get(student.userId()).get(assignment.lessonId());
                boolean done = assignment.simulation() == null
                        ? lesson != null && assignment.stateOf(lesson) == Assignment.State.DONE
                        : run.contains(student.userId());
                if (done) {
                    finished.add(student.username());
                }
            }
            String lessonTitle = catalog.get()
                    .lesson(assignment.lessonId())
                    .map(Lesson::title)
                    .orElse(assignment.lessonId());
            reviews.add(new Review(assignment, title(lessonTitle, assignment), List.copyOf(finished), students.size()));
        }
        return List.copyOf(reviews);
    }

    /** "The Lagrangian", "The Lagrangian · exercise planet-x", or "Pendulum · simulation, Planet and Length fixed". */
    private String title(String lessonTitle, Assignment assignment) {
        SimulationSetup setup = assignment.simulation();
        if (setup != null) {
            Simulation simulation = simulations.find(setup.simulationId()).orElse(null);
            String name = simulation == null ? setup.simulationId() : simulation.title();
            return name + " · simulation from " + lessonTitle
                    + (setup.locked().isEmpty()
                            ? ""
                            : ", " + setup.locked().size() + " setting"
                                    + (setup.locked().size() == 1 ? "" : "s") + " fixed");
        }
        return lessonTitle + (assignment.exerciseId() == null ? "" : " · exercise " + assignment.exerciseId());
    }

    private static Map<String, ClassService.LessonStatus> byLesson(List<ClassService.LessonStatus> lessons) {
        Map<String, ClassService.LessonStatus> map = new HashMap<>();
        lessons.forEach(l -> map.put(l.lessonId(), l));
        return map;
    }

    static Instant parseDue(String due) {
        String text = due == null ? "" : due.strip();
        if (text.isEmpty()) {
            throw ClassException.invalid("dueAt", "Give the due date, as YYYY-MM-DD");
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusSeconds(1);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw ClassException.invalid(
                    "dueAt", "Give the due date as YYYY-MM-DD, or a time such as 2026-10-01T17:00:00Z");
        }
    }
}
