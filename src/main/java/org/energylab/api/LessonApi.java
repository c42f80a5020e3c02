package org.energylab.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.energylab.exercise.Answer;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.Exercise;
import org.energylab.exercise.ExerciseProgress;
import org.energylab.exercise.ExerciseService;
import org.energylab.exercise.GradedRun;
import org.energylab.exercise.NumericExercise;
import org.energylab.exercise.SimulationExercise;
import org.energylab.learner.Learner;
import org.energylab.learner.LearnerSessions;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.energylab.lesson.ProgressService;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.ProgressSink;
import org.energylab.simulation.RunHandle;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Exercises and progress over JSON, for scripts and school systems. The learner is the one of the
 * HTTP session, the same as the browser's: answers given here show on the lesson pages and the
 * other way round. A client without a session cookie gets one with its first answer.
 */
@RestController
class LessonApi {
    static final String FORM = "{\"answer\": ...}";
    private static final String ANSWER = "answer";

    private static final ObjectReader JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .readerFor(JsonNode.class);

    /** The course, read in the background at start-up: asked for when first needed. */
    private final ObjectProvider<CourseCatalog> catalog;

    private final ExerciseService exercises;
    private final ProgressService progress;
    private final SimulationRegistry simulations;
    private final SimulationRunner runner;
    private final ClientAddress clients;

    LessonApi(
            ObjectProvider<CourseCatalog> catalog,
            ExerciseService exercises,
            ProgressService progress,
            SimulationRegistry simulations,
            SimulationRunner runner) {
        this.catalog = catalog;
        this.exercises = exercises;
        this.progress = progress;
        this.simulations = simulations;
        this.runner = runner;
        this.clients = new ClientAddress(runner.limits().trustedProxies());
    }

    /** The outcome of an attempt; {@code hint} after a wrong try, {@code explanation} once solved or after three tries. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptResponse(boolean correct, String feedback, int tries, String hint, String explanation) {
        static AttemptResponse of(Exercise exercise, ExerciseProgress progress) {
            return new AttemptResponse(
                    progress.solved(),
                    progress.lastFeedback(),
                    progress.tries(),
                    progress.hintShown() ? exercise.hint() : null,
                    progress.explanationShown() ? exercise.explanation() : null);
        }
    }

    /** An exercise's standing; {@code lastRun} only for an exercise the learner answered with a run. */
    record ExerciseBody(
            String id,
            boolean solved,
            int tries,
            @JsonInclude(JsonInclude.Include.NON_NULL) RunBody lastRun) {}

    /**
     * The run behind the last attempt at a simulation exercise; {@code seed} is null for a simulation
     * without randomness, {@code value} when the run could not measure the scalar. {@code link} is the
     * path of the simulation's page with these parameters and seed filled in.
     */
    record RunBody(
            String simulation,
            Map<String, String> parameters,
            Long seed,
            String scalar,
            String label,
            String unit,
            Double value,
            String link) {
        static RunBody of(GradedRun run) {
            return run == null
                    ? null
                    : new RunBody(
                            run.simulation(),
                            run.parameters(),
                            run.seed(),
                            run.scalar(),
                            run.label(),
                            run.unit(),
                            run.value(),
                            run.link());
        }
    }

    record LessonBody(String id, boolean opened, boolean completed, List<ExerciseBody> exercises) {}

    record ProgressBody(List<LessonBody> lessons) {}

    /**
     * Grades an answer: a choice's index (from 0), a number, or for an exercise graded from a run
     * {@code {"parameters": {...}, "seed": 42}}, which runs through the shared executor like any API
     * run. A solved exercise takes no more attempts; its answer stays as it was.
     */
    @PostMapping(
            path = "/api/lessons/{lessonId}/exercises/{exerciseId}/attempts",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    DeferredResult<AttemptResponse> attempt(
            @PathVariable String lessonId,
            @PathVariable String exerciseId,
            @RequestBody(required = false) byte[] body,
            HttpServletRequest http) {
        Lesson lesson = catalog.getObject()
                .lesson(lessonId)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No lesson \"" + lessonId + "\"", null));
        Exercise exercise = lesson.exercises().stream()
                .filter(e -> e.id().equals(exerciseId))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND, "Lesson " + lessonId + " has no exercise \"" + exerciseId + "\"", null));
        JsonNode answer = answer(body);
        Learner learner = learner(http.getSession(true));
        DeferredResult<AttemptResponse> response = new DeferredResult<>();
        if (exercise instanceof SimulationExercise run) {
            gradeRun(lesson, run, answer, learner, http, response);
        } else {
            ExerciseProgress after = exercises.submit(learner, lesson.id(), exercise, plain(exercise, answer));
            response.setResult(AttemptResponse.of(exercise, after));
        }
        return response;
    }

    /**
     * Every lesson of the course in order, with what the session's learner has opened, tried and
     * solved, and for each exercise graded from a run the last such run. Only the session's own
     * learner is ever read.
     */
    @GetMapping("/api/me/progress")
    ProgressBody progress(HttpServletRequest http) {
        HttpSession session = http.getSession(false);
        Learner learner = session == null ? Learner.Guest.newGuest() : learner(session);
        Map<String, GradedRun> runs = exercises.lastRuns(learner);
        return new ProgressBody(progress.of(learner).lessons().stream()
                .map(l -> new LessonBody(
                        l.lesson().id(),
                        l.opened(),
                        l.completed(),
                        l.exercises().stream()
                                .map(e -> new ExerciseBody(
                                        e.id(),
                                        e.solved(),
                                        e.tries(),
                                        RunBody.of(runs.get(l.lesson().id() + "/" + e.id()))))
                                .toList()))
                .toList());
    }

    private static Learner learner(HttpSession session) {
        return LearnerSessions.current(session::getAttribute, session::setAttribute);
    }

    private void gradeRun(
            Lesson lesson,
            SimulationExercise exercise,
            JsonNode answer,
            Learner learner,
            HttpServletRequest http,
            DeferredResult<AttemptResponse> response) {
        Simulation simulation = simulations.find(exercise.simulation()).orElseThrow();
        if (!answer.isObject()) {
            throw badRequest(
                    "This exercise is graded from a run: \"answer\" must be {\"parameters\": {...}, \"seed\": 42}");
        }
        RunRequestReader.RunRequest request =
                RunRequestReader.read(answer.toString().getBytes(StandardCharsets.UTF_8), simulation.schema());
        Parameters parameters = SimulationRegistry.validate(simulation, request.parameters());
        simulation.schema().refuseInactive(request.parameters(), parameters);
        RunHandle handle =
                runner.submit(simulation, parameters, request.seed(), clients.learner(http), ProgressSink.NONE);
        handle.result().whenComplete((result, error) -> {
            if (error == null) {
                ExerciseProgress after = exercises.submit(
                        learner,
                        lesson.id(),
                        exercise,
                        new Answer.Run(
                                simulation.id(),
                                parameters.asMap(),
                                simulation.usesSeed() ? request.seed() : null,
                                result));
                response.setResult(AttemptResponse.of(exercise, after));
            } else {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                response.setErrorResult(cause instanceof Exception ? cause : new IllegalStateException(cause));
            }
        });
    }

    /** A choice's index or a number, checked against the kind of exercise. */
    private static Answer plain(Exercise exercise, JsonNode answer) {
        if (exercise instanceof ChoiceExercise choice) {
            if (!answer.isIntegralNumber()
                    || !answer.canConvertToInt()
                    || answer.intValue() < 0
                    || answer.intValue() >= choice.choices().size()) {
                throw badRequest("\"answer\" must be the index of a choice, a whole number from 0 to "
                        + (choice.choices().size() - 1));
            }
            return new Answer.Choice(answer.intValue());
        }
        if (exercise instanceof NumericExercise) {
            if (!answer.isNumber()) {
                throw badRequest("\"answer\" must be a number sent as a JSON number, like 9.81");
            }
            return new Answer.Typed(answer.decimalValue().toPlainString());
        }
        throw new IllegalStateException("Unknown kind of exercise: " + exercise);
    }

    private static JsonNode answer(byte[] body) {
        if (body == null || body.length == 0) {
            throw badRequest("The request body must be " + FORM);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the form " + FORM, null);
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body must be a JSON object " + FORM, null);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ANSWER.equals(name)) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "Unknown property \"" + name + "\": an attempt has only \"answer\"",
                        name);
            }
        }
        if (!root.has(ANSWER) || root.get(ANSWER).isNull()) {
            throw badRequest("Give an answer: " + FORM);
        }
        return root.get(ANSWER);
    }

    private static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, ANSWER);
    }
}
