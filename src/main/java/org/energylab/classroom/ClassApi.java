package org.energylab.classroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.energylab.account.SignedInUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Classes over the JSON API. Every call needs a signed-in caller (the browser's session or HTTP
 * Basic; without one {@code ApiSecurity} answers 401); who may do what is {@link ClassService}'s,
 * answered 403, an unknown class 404, bad input 400 with {@code {"error", "field"}}.
 *
 * <ul>
 *   <li>{@code POST /api/classes} {@code {"name"}} → 201 {@code {"id", "name", "joinCode"}} (a teacher or an admin)
 *   <li>{@code POST /api/classes/join} {@code {"joinCode"}} → 200 {@code {"id", "name", "teacher"}} (a student)
 *   <li>{@code GET /api/classes}: the caller's classes
 *   <li>{@code GET /api/classes/{id}/progress}: one row per student (the class's teacher or an admin)
 *   <li>{@code GET /api/classes/{id}/progress.csv}: the same as CSV, see {@link ClassCsv}
 *   <li>{@code POST /api/classes/{id}/assignments} {@code {"lessonId", "exerciseId"?, "dueAt"}}, or
 *       {@code {"simulationLink", "locked"?, "dueAt"}} for a simulation set up at that address with the
 *       named settings locked → 201 (the class's teacher or an admin); {@code GET} the same address: who
 *       has finished each
 *   <li>{@code GET /api/me/assignments}: a student's assignments with their state
 * </ul>
 */
@RestController
class ClassApi {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ClassService classes;
    private final AssignmentService assignments;

    ClassApi(ClassService classes, AssignmentService assignments) {
        this.classes = classes;
        this.assignments = assignments;
    }

    /** An assignment; {@code exerciseId} is absent when the whole lesson is assigned. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AssignmentBody(
            long id,
            long classId,
            String lessonId,
            String exerciseId,
            SimulationBody simulation,
            String title,
            Instant dueAt,
            String state,
            Boolean overdue,
            List<String> finished,
            Integer students) {
        static AssignmentBody of(Assignment a) {
            return new AssignmentBody(
                    a.id(),
                    a.classId(),
                    a.lessonId(),
                    a.exerciseId(),
                    SimulationBody.of(a),
                    null,
                    a.dueAt(),
                    null,
                    null,
                    null,
                    null);
        }

        static AssignmentBody of(AssignmentService.Mine m) {
            Assignment a = m.assignment();
            return new AssignmentBody(
                    a.id(),
                    a.classId(),
                    a.lessonId(),
                    a.exerciseId(),
                    SimulationBody.of(a),
                    m.title(),
                    a.dueAt(),
                    m.state().label(),
                    m.overdue(),
                    null,
                    null);
        }

        static AssignmentBody of(AssignmentService.Review r) {
            Assignment a = r.assignment();
            return new AssignmentBody(
                    a.id(),
                    a.classId(),
                    a.lessonId(),
                    a.exerciseId(),
                    SimulationBody.of(a),
                    r.title(),
                    a.dueAt(),
                    null,
                    null,
                    r.finished(),
                    r.students());
        }
    }

    /**
     * A simulation assignment's set-up: the values set, those locked, and the page a student opens.
     */
    record SimulationBody(String id, Map<String, String> values, List<String> locked, String address) {
        static SimulationBody of(Assignment a) {
            SimulationSetup setup = a.simulation();
            return setup == null
                    ? null
                    : new SimulationBody(setup.simulationId(), setup.values(), setup.locked(), a.address());
        }
    }

    /** A class as its teacher sees it (with the join code), or as a student does (without). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClassBody(long id, String name, String teacher, String joinCode) {
        static ClassBody of(Classroom c, boolean withCode) {
            return new ClassBody(c.id(), c.name(), c.teacher(), withCode ? c.joinCode() : null);
        }
    }

    record ExerciseBody(String id, boolean solved, int tries, Instant lastAttempt) {}

    record LessonBody(String id, boolean opened, boolean completed, List<ExerciseBody> exercises) {}

    record StudentBody(long id, String username, Instant joinedAt, long completed, List<LessonBody> lessons) {
        static StudentBody of(ClassService.StudentProgress s) {
            return new StudentBody(
                    s.userId(),
                    s.username(),
                    s.joinedAt(),
                    s.completed(),
                    s.lessons().stream()
                            .map(l -> new LessonBody(
                                    l.lessonId(),
                                    l.opened(),
                                    l.completed(),
                                    l.exercises().stream()
                                            .map(e -> new ExerciseBody(e.id(), e.solved(), e.tries(), e.lastAttempt()))
                                            .toList()))
                            .toList());
        }
    }

    record ProgressBody(long id, String name, List<StudentBody> students) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(String error, String field) {}

    @PostMapping(
            path = "/api/classes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClassBody> create(
            @AuthenticationPrincipal SignedInUser user, @RequestBody(required = false) byte[] body) {
        JsonNode request = read(body, java.util.Set.of("name"), "{\"name\": \"Physics 2B\"}");
        Classroom made = classes.create(user, text(request, "name"));
        return ResponseEntity.status(HttpStatus.CREATED).body(ClassBody.of(made, true));
    }

    @PostMapping(
            path = "/api/classes/join",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ClassBody join(@AuthenticationPrincipal SignedInUser user, @RequestBody(required = false) byte[] body) {
        JsonNode request = read(body, java.util.Set.of("joinCode"), "{\"joinCode\": \"ABCD2345\"}");
        return ClassBody.of(classes.join(user, text(request, "joinCode")), false);
    }

    @GetMapping(path = "/api/classes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ClassBody> list(@AuthenticationPrincipal SignedInUser user) {
        boolean student = user != null && user.role() == org.energylab.account.Role.STUDENT;
        return classes.classesOf(user).stream()
                .map(c -> ClassBody.of(c, !student))
                .toList();
    }

    @GetMapping(path = "/api/classes/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    ProgressBody progress(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        long classId = classId(id);
        Classroom classroom = classes.manage(user, classId);
        return new ProgressBody(
                classroom.id(),
                classroom.name(),
                classes.progress(user, classId).stream().map(StudentBody::of).toList());
    }

    @GetMapping(path = "/api/classes/{id}/progress.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        long classId = classId(id);
        byte[] csv = classes.csv(user, classId).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("class-" + classId + "-progress.csv")
                                .build()
                                .toString())
                .body(csv);
    }

    @PostMapping(
            path = "/api/classes/{id}/assignments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AssignmentBody> assign(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody(required = false) byte[] body) {
        long classId = classId(id);
        String form = "{\"lessonId\": \"the-lagrangian\", \"exerciseId\": \"planet-x\" (optional), \"dueAt\":"
                + " \"2026-10-01\"} or {\"simulationLink\": \"/simulations/pendulum?planet=moon\", \"locked\":"
                + " [\"planet\"], \"dueAt\": \"2026-10-01\"}";
        JsonNode request =
                read(body, java.util.Set.of("lessonId", "exerciseId", "simulationLink", "locked", "dueAt"), form);
        Assignment made;
        if (request.has("simulationLink")) {
            if (request.has("lessonId") || request.has("exerciseId")) {
                throw ClassException.invalid(
                        "simulationLink",
                        "Assign a lesson (or exercise) or a simulation, not both; the form is " + form);
            }
            List<String> locked = new java.util.ArrayList<>();
            if (request.has("locked")) {
                request.get("locked").forEach(n -> locked.add(n.asText()));
            }
            made = assignments.assignSimulation(
                    user, classId, text(request, "simulationLink"), locked, text(request, "dueAt"));
        } else {
            if (request.has("locked")) {
                throw ClassException.invalid("locked", "Only a simulation has settings to lock; the form is " + form);
            }
            made = assignments.assign(
                    user, classId, text(request, "lessonId"), text(request, "exerciseId"), text(request, "dueAt"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(AssignmentBody.of(made));
    }

    @GetMapping(path = "/api/classes/{id}/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AssignmentBody> review(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return assignments.review(user, classId(id)).stream()
                .map(AssignmentBody::of)
                .toList();
    }

    @GetMapping(path = "/api/me/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AssignmentBody> mine(@AuthenticationPrincipal SignedInUser user) {
        return assignments.mine(user).stream().map(AssignmentBody::of).toList();
    }

    @ExceptionHandler(ClassException.class)
    ResponseEntity<ErrorBody> refused(ClassException e) {
        HttpStatus status =
                switch (e.kind()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                };
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(e.getMessage(), e.field()));
    }

    /** A class id from the path; anything but a positive number names no class. */
    private static long classId(String id) {
        try {
            long parsed = Long.parseLong(id);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ClassException(ClassException.Kind.NOT_FOUND, null, "There is no class \"" + id + "\"");
    }

    /** The keys whose value is a list of strings; every other key's is a string. */
    private static final java.util.Set<String> LISTS = java.util.Set.of("locked");

    private static final int MAX_LIST = 100;

    /** The body as one JSON object with only the given keys, each a string (or a list of them, for {@link #LISTS}). */
    private static JsonNode read(byte[] body, java.util.Set<String> keys, String form) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw ClassException.invalid(null, "The request body is not valid JSON of the form " + form);
        }
        if (node == null || !node.isObject()) {
            throw ClassException.invalid(null, "Send a JSON object of the form " + form);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw ClassException.invalid(name, "Unknown field \"" + name + "\"; the form is " + form);
            }
            JsonNode value = node.get(name);
            if (LISTS.contains(name)) {
                boolean strings = value.isArray();
                for (JsonNode item : value) {
                    strings &= item.isTextual();
                }
                if (!strings || value.size() > MAX_LIST) {
                    throw ClassException.invalid(
                            name, "\"" + name + "\" must be a JSON array of at most " + MAX_LIST + " strings");
                }
            } else if (!value.isTextual()) {
                throw ClassException.invalid(name, "\"" + name + "\" must be a JSON string");
            }
        }
        return node;
    }

    private static String text(JsonNode request, String key) {
        JsonNode value = request.get(key);
        return value == null ? null : value.asText();
    }
}
