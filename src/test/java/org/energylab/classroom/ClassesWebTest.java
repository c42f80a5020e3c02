package org.energylab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.energylab.account.AccountService;
import org.energylab.account.Role;
import org.energylab.exercise.Answer;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.ExerciseService;
import org.energylab.learner.Learner;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The class API in the whole application, one test per authorisation rule: without an account
 * 401, a student 403 on making a class and on any class's progress, a teacher 403 on another
 * teacher's class, 404 for an unknown class, an admin allowed everywhere, bad input 400 with the
 * field at fault; and the progress as JSON and as CSV.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"energylab.admin.username=head", "energylab.admin.password=" + ClassesWebTest.PASSWORD})
@AutoConfigureMockMvc
class ClassesWebTest {
    static final String PASSWORD = "a good password";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataFolder;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("energylab.data.dir", () -> dataFolder.toString());
        // The default database URL reads the folder resolved at start-up, before this source is added.
        registry.add("energylab.data.path", () -> dataFolder.toAbsolutePath().toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ExerciseService exercises;

    @Autowired
    CourseCatalog catalog;

    private String account(Role role) {
        String name =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, PASSWORD, role);
        return name;
    }

    private static String basic(String username) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A class of {@code teacher}'s, made over the API: its id and join code. */
    private JsonNode newClass(String teacher, String name) throws Exception {
        String body = mvc.perform(
                        json("/api/classes", "{\"name\": \"" + name + "\"}").header("Authorization", basic(teacher)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    private void join(String student, String code) throws Exception {
        mvc.perform(json("/api/classes/join", "{\"joinCode\": \"" + code + "\"}")
                        .header("Authorization", basic(student)))
                .andExpect(status().isOk());
    }

    @Test
    void withoutAnAccountEveryClassCallIsAnswered401() throws Exception {
        JsonNode made = newClass(account(Role.TEACHER), "Physics 2B");
        long id = made.get("id").asLong();

        mvc.perform(json("/api/classes", "{\"name\": \"Mine\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
                .andExpect(jsonPath("$.error").value(startsWith("Sign in first")));
        mvc.perform(json(
                        "/api/classes/join",
                        "{\"joinCode\": \"" + made.get("joinCode").asText() + "\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/classes")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/classes/" + id + "/progress")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/classes/" + id + "/progress.csv")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTeacherMakesAClassAndGetsAJoinCode() throws Exception {
        String teacher = account(Role.TEACHER);
        mvc.perform(json("/api/classes", "{\"name\": \"Physics 2B\"}").header("Authorization", basic(teacher)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.name").value("Physics 2B"))
                .andExpect(jsonPath("$.joinCode").value(org.hamcrest.Matchers.matchesPattern("[A-HJ-NP-Z2-9]{8}")));
    }

    @Test
    void aStudentMayNotMakeAClass() throws Exception {
        mvc.perform(json("/api/classes", "{\"name\": \"Mine\"}").header("Authorization", basic(account(Role.STUDENT))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(startsWith("Only teachers make classes")));
    }

    @Test
    void badInputIsAnswered400WithTheField() throws Exception {
        String teacher = account(Role.TEACHER);
        mvc.perform(json("/api/classes", "{\"name\": \"  \"}").header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        mvc.perform(json("/api/classes", "{\"name\": \"" + "x".repeat(81) + "\"}")
                        .header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.error").value("A class name has at most 80 characters"));
        mvc.perform(json("/api/classes", "{\"name\": 7}").header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        mvc.perform(json("/api/classes", "{\"title\": \"Physics\"}").header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("title"));
        mvc.perform(json("/api/classes", "{\"name\": ").header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(startsWith("The request body is not valid JSON")));

        String student = account(Role.STUDENT);
        mvc.perform(json("/api/classes/join", "{\"joinCode\": \"ZZZZ9999\"}").header("Authorization", basic(student)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("joinCode"))
                .andExpect(jsonPath("$.error").value(startsWith("No class has the join code ZZZZ9999")));
        mvc.perform(json("/api/classes/join", "{\"joinCode\": \"O0I1\"}").header("Authorization", basic(student)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("joinCode"));
    }

    @Test
    void aStudentJoinsByCodeAndSeesOnlyTheirClassesWithoutCodes() throws Exception {
        String teacher = account(Role.TEACHER);
        JsonNode joined = newClass(teacher, "Physics 2B");
        newClass(teacher, "Physics 2C");
        String student = account(Role.STUDENT);

        mvc.perform(json(
                                "/api/classes/join",
                                "{\"joinCode\": \""
                                        + joined.get("joinCode").asText().toLowerCase() + "\"}")
                        .header("Authorization", basic(student)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Physics 2B"))
                .andExpect(jsonPath("$.teacher").value(teacher))
                .andExpect(jsonPath("$.joinCode").doesNotExist());
        join(student, joined.get("joinCode").asText());

        mvc.perform(get("/api/classes").header("Authorization", basic(student)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(joined.get("id").asLong()))
                .andExpect(jsonPath("$[0].joinCode").doesNotExist());
        mvc.perform(get("/api/classes").header("Authorization", basic(teacher)))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(
                        jsonPath("$[0].joinCode").value(joined.get("joinCode").asText()));
    }

    @Test
    void aTeacherMayNotJoinAClass() throws Exception {
        JsonNode made = newClass(account(Role.TEACHER), "Physics 2B");
        mvc.perform(json(
                                "/api/classes/join",
                                "{\"joinCode\": \"" + made.get("joinCode").asText() + "\"}")
                        .header("Authorization", basic(account(Role.TEACHER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStudentNeverSeesAClassesProgressNotEvenTheirOwnClasses() throws Exception {
        JsonNode made = newClass(account(Role.TEACHER), "Physics 2B");
        String student = account(Role.STUDENT);
        join(student, made.get("joinCode").asText());
        long id = made.get("id").asLong();

        mvc.perform(get("/api/classes/" + id + "/progress").header("Authorization", basic(student)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(startsWith("Only the class's teacher")));
        mvc.perform(get("/api/classes/" + id + "/progress.csv").header("Authorization", basic(student)))
                .andExpect(status().isForbidden());
        JsonNode other = newClass(account(Role.TEACHER), "Chemistry");
        mvc.perform(get("/api/classes/" + other.get("id").asLong() + "/progress")
                        .header("Authorization", basic(student)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTeacherMayNotSeeAnotherTeachersClassAndAnUnknownClassIs404() throws Exception {
        JsonNode made = newClass(account(Role.TEACHER), "Physics 2B");
        String other = account(Role.TEACHER);
        long id = made.get("id").asLong();

        mvc.perform(get("/api/classes/" + id + "/progress").header("Authorization", basic(other)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(startsWith("This class is another teacher's")));
        mvc.perform(get("/api/classes/" + id + "/progress.csv").header("Authorization", basic(other)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/classes").header("Authorization", basic(other))).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/classes/" + (id + 100_000) + "/progress").header("Authorization", basic(other)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("There is no class " + (id + 100_000)));
        mvc.perform(get("/api/classes/abc/progress.csv").header("Authorization", basic(other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdminSeesEveryClassAndItsProgress() throws Exception {
        JsonNode made = newClass(account(Role.TEACHER), "Physics 2B");
        long id = made.get("id").asLong();

        mvc.perform(get("/api/classes/" + id + "/progress").header("Authorization", basic("head")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Physics 2B"))
                .andExpect(jsonPath("$.students", hasSize(0)));
        mvc.perform(get("/api/classes/" + id + "/progress.csv").header("Authorization", basic("head")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/classes").header("Authorization", basic("head")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].joinCode")
                        .value(made.get("joinCode").asText()));
    }

    @Test
    void theTeacherGetsEachStudentsProgressAsJsonAndAsCsv() throws Exception {
        String teacher = account(Role.TEACHER);
        JsonNode made = newClass(teacher, "Physics 2B");
        long id = made.get("id").asLong();
        String ada = account(Role.STUDENT);
        String bob = account(Role.STUDENT);
        join(ada, made.get("joinCode").asText());
        join(bob, made.get("joinCode").asText());
        Lesson first = catalog.lessons().get(0);
        ChoiceExercise choice = first.exercises().stream()
                .filter(ChoiceExercise.class::isInstance)
                .map(ChoiceExercise.class::cast)
                .findFirst()
                .orElseThrow();
        long adaId = accounts.list().stream()
                .filter(a -> a.username().equals(ada))
                .findFirst()
                .orElseThrow()
                .id();
        exercises.submit(new Learner.Account(adaId, ada), first.id(), choice, new Answer.Choice(choice.answer()));

        mvc.perform(get("/api/classes/" + id + "/progress").header("Authorization", basic(teacher)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.students", hasSize(2)))
                .andExpect(jsonPath("$.students[?(@.username == '" + ada + "')].lessons[0].id")
                        .value(first.id()))
                .andExpect(jsonPath("$.students[?(@.username == '" + ada + "')].lessons[0].exercises[?(@.id == '"
                                + choice.id() + "')].solved")
                        .value(true))
                .andExpect(jsonPath("$.students[?(@.username == '" + bob + "')].lessons[0].exercises[0].tries")
                        .value(0));

        var response = mvc.perform(get("/api/classes/" + id + "/progress.csv").header("Authorization", basic(teacher)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=")))
                .andReturn()
                .getResponse();
        String[] lines = response.getContentAsString(StandardCharsets.UTF_8).split("\r\n");
        long rowsPerStudent = catalog.lessons().stream()
                .mapToLong(l -> Math.max(1, l.exercises().size()))
                .sum();
        assertThat(lines).hasSize(1 + 2 * (int) rowsPerStudent);
        assertThat(lines[0]).isEqualTo(String.join(",", ClassCsv.HEADER));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(ada + "," + first.id() + ",")
                .contains("," + choice.id() + ",true,1,20"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(bob + "," + first.id() + ",")
                .endsWith(",false,0,"));
    }

    @Test
    void assignmentsFollowTheSameRules() throws Exception {
        String teacher = account(Role.TEACHER);
        JsonNode made = newClass(teacher, "Physics 2B");
        long id = made.get("id").asLong();
        String student = account(Role.STUDENT);
        join(student, made.get("joinCode").asText());
        String lesson = catalog.lessons().get(0).id();
        String body = "{\"lessonId\": \"" + lesson + "\", \"dueAt\": \"2999-01-31\"}";

        mvc.perform(json("/api/classes/" + id + "/assignments", body)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me/assignments")).andExpect(status().isUnauthorized());
        mvc.perform(json("/api/classes/" + id + "/assignments", body).header("Authorization", basic(student)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/classes/" + id + "/assignments").header("Authorization", basic(student)))
                .andExpect(status().isForbidden());
        mvc.perform(json("/api/classes/" + id + "/assignments", body)
                        .header("Authorization", basic(account(Role.TEACHER))))
                .andExpect(status().isForbidden());
        mvc.perform(json("/api/classes/" + (id + 100_000) + "/assignments", body)
                        .header("Authorization", basic(teacher)))
                .andExpect(status().isNotFound());
        mvc.perform(json("/api/classes/" + id + "/assignments", body.replace(lesson, "no-such"))
                        .header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lessonId"));
        mvc.perform(json("/api/classes/" + id + "/assignments", body.replace("2999-01-31", "tomorrow"))
                        .header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("dueAt"));

        mvc.perform(json("/api/classes/" + id + "/assignments", body).header("Authorization", basic(teacher)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lessonId").value(lesson))
                .andExpect(jsonPath("$.dueAt").value("2999-01-31T23:59:59Z"));
        mvc.perform(get("/api/me/assignments").header("Authorization", basic(student)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].state").value("not started"))
                .andExpect(jsonPath("$[0].overdue").value(false));
        mvc.perform(get("/api/me/assignments").header("Authorization", basic(account(Role.STUDENT))))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/classes/" + id + "/assignments").header("Authorization", basic(teacher)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].students").value(1))
                .andExpect(jsonPath("$[0].finished", hasSize(0)));
        mvc.perform(get("/api/classes/" + id + "/assignments").header("Authorization", basic("head")))
                .andExpect(status().isOk());
    }

    @Test
    void aSimulationIsAssignedByItsAddressWithSettingsLocked() throws Exception {
        String teacher = account(Role.TEACHER);
        JsonNode made = newClass(teacher, "Physics 2B");
        long id = made.get("id").asLong();
        String student = account(Role.STUDENT);
        join(student, made.get("joinCode").asText());
        String address = "/api/classes/" + id + "/assignments";
        String body = "{\"simulationLink\": \"/simulations/pendulum?planet=moon&length=2\", \"locked\": [\"planet\"],"
                + " \"dueAt\": \"2999-01-31\"}";

        mvc.perform(json(address, body.replace("length=2", "length=99")).header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("simulationLink"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("Length")));
        mvc.perform(json(address, body.replace("[\"planet\"]", "[\"colour\"]")).header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("locked"));
        mvc.perform(json(address, body.replace("[\"planet\"]", "\"planet\"")).header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("locked"));
        mvc.perform(json(address, body.replace("{", "{\"lessonId\": \"the-lagrangian\", "))
                        .header("Authorization", basic(teacher)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("simulationLink"));
        mvc.perform(json(address, body).header("Authorization", basic(student))).andExpect(status().isForbidden());

        mvc.perform(json(address, body).header("Authorization", basic(teacher)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.simulation.id").value("pendulum"))
                .andExpect(jsonPath("$.simulation.values.planet").value("moon"))
                .andExpect(jsonPath("$.simulation.values.length").value("2"))
                .andExpect(jsonPath("$.simulation.locked[0]").value("planet"))
                .andExpect(jsonPath("$.simulation.address").value(org.hamcrest.Matchers.startsWith("/assignments/")));
        mvc.perform(get("/api/me/assignments").header("Authorization", basic(student)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].simulation.id").value("pendulum"))
                .andExpect(jsonPath("$[0].state").value("not started"));
    }
}
