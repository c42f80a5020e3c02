package org.energylab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.sql.DataSource;
import org.energylab.exercise.ExerciseService;
import org.energylab.exercise.JdbcAttemptStore;
import org.energylab.learner.LearnerDirectory;
import org.energylab.learner.LessonVisits;
import org.energylab.learner.TestDatabases;
import org.energylab.lesson.ProgressService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Exercises and progress over JSON, on the packaged course, every simulation and a real (H2)
 * database: the session's learner answers, is graded like on the lesson page, and finds the
 * answers in their progress; another session does not.
 */
@WebMvcTest(LessonApi.class)
@Import({ApiErrorHandler.class, LessonApiTest.Course.class})
class LessonApiTest {
    private static final String ATTEMPTS = "/api/lessons/the-lagrangian/exercises/%s/attempts";

    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"org.energylab.simulation", "org.energylab.lesson"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.ui\\..*"))
    @Import({
        LearnerDirectory.class,
        JdbcAttemptStore.class,
        LessonVisits.class,
        ExerciseService.class,
        ProgressService.class
    })
    static class Course {
        @Bean
        DataSource dataSource() {
            return TestDatabases.h2();
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }
    }

    @Autowired
    MockMvc mvc;

    private final MockHttpSession session = new MockHttpSession();

    private ResultActions attempt(String exercise, String body) throws Exception {
        return ApiRequests.completed(
                mvc,
                post(ATTEMPTS.formatted(exercise))
                        .session(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body));
    }

    @Test
    void aWrongChoiceGetsAHintAndARightOneTheExplanation() throws Exception {
        attempt("period-and-mass", "{\"answer\": 0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.correct").value(false))
                .andExpect(jsonPath("$.tries").value(1))
                .andExpect(jsonPath("$.feedback").value("Not quite."))
                .andExpect(jsonPath("$.hint").isNotEmpty())
                .andExpect(jsonPath("$.explanation").doesNotExist());
        attempt("period-and-mass", "{\"answer\": 2}")
                .andExpect(jsonPath("$.correct").value(true))
                .andExpect(jsonPath("$.tries").value(2))
                .andExpect(jsonPath("$.hint").doesNotExist())
                .andExpect(jsonPath("$.explanation", containsString("equivalence principle")));
        // Solved stays solved: a later answer is not an attempt.
        attempt("period-and-mass", "{\"answer\": 1}")
                .andExpect(jsonPath("$.correct").value(true))
                .andExpect(jsonPath("$.tries").value(2));
    }

    @Test
    void aNumberIsGradedAgainstItsTolerance() throws Exception {
        attempt("planet-x", "{\"answer\": 9.81}")
                .andExpect(jsonPath("$.correct").value(false));
        attempt("planet-x", "{\"answer\": 5.5}")
                .andExpect(jsonPath("$.correct").value(true))
                .andExpect(jsonPath("$.tries").value(2));
    }

    @Test
    void aSimulationExerciseIsGradedFromTheRunItAsksFor() throws Exception {
        String run = "{\"answer\": {\"parameters\": {\"duration\": 200, \"dt\": 0.05, \"integrator\": \"%s\"},"
                + " \"seed\": 7}}";
        attempt("conserve-energy", run.formatted("explicit-euler"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.correct").value(false))
                .andExpect(jsonPath("$.feedback", containsString("does not meet the goal")));
        attempt("conserve-energy", run.formatted("velocity-verlet"))
                .andExpect(jsonPath("$.correct").value(true))
                .andExpect(jsonPath("$.feedback", containsString("goal met")));
    }

    @Test
    void progressListsEveryLessonWithWhatThisSessionSolved() throws Exception {
        attempt("planet-x", "{\"answer\": 5.5}");
        attempt("period-and-mass", "{\"answer\": 0}");

        mvc.perform(get("/api/me/progress").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lessons[0].id").value("the-lagrangian"))
                .andExpect(jsonPath("$.lessons[0].opened").value(false))
                .andExpect(jsonPath("$.lessons[0].completed").value(false))
                .andExpect(jsonPath("$.lessons[0].exercises[?(@.id == 'planet-x')].solved")
                        .value(true))
                .andExpect(jsonPath("$.lessons[0].exercises[?(@.id == 'period-and-mass')].solved")
                        .value(false))
                .andExpect(jsonPath("$.lessons[0].exercises[?(@.id == 'period-and-mass')].tries")
                        .value(1))
                .andExpect(jsonPath("$.lessons.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(18)));

        mvc.perform(get("/api/me/progress").session(new MockHttpSession()))
                .andExpect(jsonPath("$.lessons[0].exercises[?(@.id == 'planet-x')].tries")
                        .value(0));
    }

    @Test
    void progressGivesEachExercisesLastGradedRunWithALinkThatReopensIt() throws Exception {
        String pendulum = "{\"answer\": {\"parameters\": {\"duration\": 200, \"dt\": 0.05,"
                + " \"integrator\": \"velocity-verlet\"}}}";
        attempt("conserve-energy", pendulum).andExpect(jsonPath("$.correct").value(true));
        String sampler = "{\"answer\": {\"parameters\": {\"beta\": 10, \"stepSize\": 2, \"chains\": 200,"
                + " \"steps\": 400}, \"seed\": 7}}";
        ApiRequests.completed(
                        mvc,
                        post("/api/lessons/sampling-an-energy/exercises/cross-the-barrier/attempts")
                                .session(session)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(sampler))
                .andExpect(jsonPath("$.correct").value(true));
        attempt("planet-x", "{\"answer\": 5.5}");

        JsonNode progress = new ObjectMapper()
                .readTree(mvc.perform(get("/api/me/progress").session(session))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        JsonNode conserve =
                exercise(progress, "the-lagrangian", "conserve-energy").get("lastRun");
        assertThat(conserve.get("simulation").asText()).isEqualTo("pendulum");
        assertThat(conserve.get("parameters").get("duration").asText()).isEqualTo("200");
        assertThat(conserve.get("parameters").get("dt").asText()).isEqualTo("0.05");
        assertThat(conserve.get("parameters").get("integrator").asText()).isEqualTo("velocity-verlet");
        // The pendulum draws no random numbers: no seed to keep.
        assertThat(conserve.get("seed").isNull()).isTrue();
        assertThat(conserve.get("scalar").asText()).isEqualTo("energyDrift");
        assertThat(conserve.get("value").asDouble()).isLessThan(0.01);
        assertThat(conserve.get("link").asText())
                .startsWith("/simulations/pendulum?")
                .contains("dt=0.05&duration=200");

        JsonNode barrier =
                exercise(progress, "sampling-an-energy", "cross-the-barrier").get("lastRun");
        assertThat(barrier.get("simulation").asText()).isEqualTo("sampler");
        assertThat(barrier.get("seed").asLong()).isEqualTo(7);
        assertThat(barrier.get("parameters").get("beta").asText()).isEqualTo("10");
        assertThat(barrier.get("parameters").get("stepSize").asText()).isEqualTo("2");
        assertThat(barrier.get("parameters").get("method").asText()).isEqualTo("metropolis");
        assertThat(barrier.get("scalar").asText()).isEqualTo("fractionInRightWell");
        assertThat(barrier.get("label").asText()).isEqualTo("Fraction of samples with y > 0");
        assertThat(barrier.get("value").asDouble()).isGreaterThanOrEqualTo(0.4);
        assertThat(barrier.get("link").asText())
                .startsWith("/simulations/sampler?")
                .endsWith("&seed=7");
        // An exercise not answered with a run has no run.
        JsonNode planet = exercise(progress, "the-lagrangian", "planet-x");
        assertThat(planet.get("tries").asInt()).isEqualTo(1);
        assertThat(planet.has("lastRun")).isFalse();

        // Another learner sees none of these runs.
        mvc.perform(get("/api/me/progress").session(new MockHttpSession()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("lastRun"))));
    }

    private static JsonNode exercise(JsonNode progress, String lesson, String exercise) {
        for (JsonNode l : progress.get("lessons")) {
            if (l.get("id").asText().equals(lesson)) {
                for (JsonNode e : l.get("exercises")) {
                    if (e.get("id").asText().equals(exercise)) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError("No exercise " + lesson + "/" + exercise + " in " + progress);
    }

    @Test
    void badAnswersAreRefusedWithTheField() throws Exception {
        String[][] cases = {
            {"period-and-mass", "{\"answer\": 7}", "answer"},
            {"period-and-mass", "{\"answer\": \"2\"}", "answer"},
            {"period-and-mass", "{\"answer\": 1.5}", "answer"},
            {"planet-x", "{\"answer\": \"5.5\"}", "answer"},
            {"planet-x", "{}", "answer"},
            {"planet-x", "{\"answr\": 5.5}", "answr"},
            {"conserve-energy", "{\"answer\": 3}", "answer"},
            {"conserve-energy", "{\"answer\": {\"parameters\": {\"dt\": -1}}}", "dt"},
        };
        for (String[] c : cases) {
            attempt(c[0], c[1])
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.field").value(c[2]))
                    .andExpect(jsonPath("$.error").isNotEmpty());
        }
        attempt("planet-x", "{\"answer\": 5.5} trailing")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").isNotEmpty());
    }

    @Test
    void unknownLessonsAndExercisesAre404() throws Exception {
        ApiRequests.completed(
                        mvc,
                        post("/api/lessons/no-such-lesson/exercises/x/attempts")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"answer\": 1}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("no-such-lesson")));
        attempt("no-such-exercise", "{\"answer\": 1}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("no-such-exercise")));
    }
}
