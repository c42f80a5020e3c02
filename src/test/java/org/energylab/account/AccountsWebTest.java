package org.energylab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.energylab.exercise.Answer;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.ExerciseProgress;
import org.energylab.exercise.ExerciseService;
import org.energylab.learner.Learner;
import org.energylab.learner.LearnerSessions;
import org.energylab.web.SecurityHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The whole application with its two security chains: who may call the account endpoints, signing
 * in by the form and by HTTP Basic, the session that then authenticates the API, the guest's answers
 * kept on signing in, and the anonymous pages and API as before. The first admin comes from
 * configuration here ({@code ENERGYLAB_ADMIN_USERNAME}, {@code ENERGYLAB_ADMIN_PASSWORD}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"energylab.admin.username=Chief", "energylab.admin.password=" + AccountsWebTest.ADMIN_PASSWORD})
@AutoConfigureMockMvc
class AccountsWebTest {
    static final String ADMIN_PASSWORD = "admin password 1";
    private static final ChoiceExercise EXERCISE =
            new ChoiceExercise("pick", "Which?", List.of("a", "b", "c"), 2, "The hint.", "The explanation.");

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
    UserStore users;

    @Autowired
    AccountService accounts;

    @Autowired
    ExerciseService exercises;

    @LocalServerPort
    int port;

    private static String someName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String newUser(String name) {
        return "{\"username\": \"" + name + "\", \"password\": \"a good password\", \"role\": \"teacher\"}";
    }

    @Test
    void theFirstAdminComesFromConfiguration() {
        assertThat(users.find("chief").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(users.find(FirstAdmin.DEFAULT_USERNAME)).isEmpty();
    }

    @Test
    void makingAnAccountWithoutCredentialsIsAnswered401() throws Exception {
        mvc.perform(json("/api/users", newUser(someName())))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("Sign in first")));
    }

    @Test
    void aStudentOrTeacherMayNotMakeAccounts() throws Exception {
        String student = someName();
        accounts.signUp(student, "student password");
        String teacher = someName();
        accounts.create(teacher, "teacher password", Role.TEACHER);

        mvc.perform(json("/api/users", newUser(someName())).header("Authorization", basic(student, "student password")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Your account may not do this; it needs the admin role"));
        mvc.perform(json("/api/users", newUser(someName())).header("Authorization", basic(teacher, "teacher password")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminMakesATeacherAccountWithHttpBasic() throws Exception {
        String teacher = someName();
        mvc.perform(json("/api/users", newUser(teacher)).header("Authorization", basic("chief", ADMIN_PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(teacher))
                .andExpect(jsonPath("$.role").value("teacher"))
                .andExpect(jsonPath("$.password").doesNotExist());

        assertThat(users.find(teacher).orElseThrow().role()).isEqualTo(Role.TEACHER);
        mvc.perform(json("/api/users", newUser(teacher)).header("Authorization", basic("chief", ADMIN_PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("username"));
        mvc.perform(json("/api/users", newUser(someName()).replace("teacher", "principal"))
                        .header("Authorization", basic("chief", ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("role"))
                .andExpect(jsonPath("$.error").value("No role \"principal\"; the roles are student, teacher, admin"));
    }

    @Test
    void wrongBasicCredentialsAreAnswered401AndCount() throws Exception {
        String name = someName();
        accounts.signUp(name, "student password");
        for (int i = 1; i < 5; i++) {
            mvc.perform(get("/api/simulations").header("Authorization", basic(name, "wrong " + i)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.error").value("Wrong username or password"));
        }
        mvc.perform(get("/api/simulations").header("Authorization", basic(name, "wrong 5")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("Too many failed sign-ins")));
        mvc.perform(get("/api/simulations").header("Authorization", basic(name, "student password")))
                .andExpect(status().isUnauthorized());
        assertThat(users.find(name).orElseThrow().lockedUntil()).isNotNull();
    }

    @Test
    void aStudentSignsUpThroughTheApiWithoutACsrfToken() throws Exception {
        String name = someName();
        mvc.perform(json("/api/accounts", "{\"username\": \"" + name + "\", \"password\": \"a good password\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("student"));
        mvc.perform(json("/api/accounts", "{\"username\": \"" + name + "\", \"password\": \"a good password\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("username"));
        mvc.perform(json("/api/accounts", "{\"username\": \"" + someName() + "\", \"password\": \"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("password"))
                .andExpect(jsonPath("$.error").value("A password needs at least 8 characters"));
        mvc.perform(json("/api/accounts", "{\"username\": \"" + someName() + "\", \"password\": 12345678}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("password"));
        mvc.perform(json(
                        "/api/accounts",
                        "{\"username\": \"x1x\", \"password\": \"a good password\", \"role\": \"admin\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("role"));
        mvc.perform(post("/api/accounts")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("username=" + someName() + "&password=a+good+password"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void signingInByTheFormKeepsTheGuestsAnswersAndTheSessionThenAuthenticatesTheApi() throws Exception {
        String name = someName();
        UserAccount account = accounts.create(name, "admin password 2", Role.ADMIN);
        Learner.Guest guest = Learner.Guest.newGuest();
        exercises.submit(guest, "1-1", EXERCISE, new Answer.Choice(0));
        exercises.submit(guest, "1-1", EXERCISE, new Answer.Choice(2));
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(LearnerSessions.ATTRIBUTE, guest);
        String before = session.getId();

        mvc.perform(post("/login").session(session).param("username", name).param("password", "admin password 2"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));

        assertThat(session.getId()).as("a new session id on signing in").isNotEqualTo(before);
        Learner.Account learner = new Learner.Account(account.id(), name);
        assertThat(session.getAttribute(LearnerSessions.ATTRIBUTE)).isEqualTo(learner);
        assertThat(exercises.progress(learner, "1-1", EXERCISE))
                .isEqualTo(new ExerciseProgress(2, true, "2", "Correct."));
        assertThat(exercises.progress(guest, "1-1", EXERCISE)).isEqualTo(ExerciseProgress.NOT_TRIED);

        mvc.perform(json("/api/users", newUser(someName())).session(session)).andExpect(status().isCreated());
    }

    @Test
    void aWrongPasswordOnTheFormGoesBackWithAnErrorAndRepeatedOnesLock() throws Exception {
        String name = someName();
        accounts.signUp(name, "student password");
        for (int i = 1; i < 5; i++) {
            mvc.perform(post("/login").param("username", name).param("password", "wrong " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").param("username", name).param("password", "wrong 5"))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(post("/login").param("username", name).param("password", "student password"))
                .andExpect(redirectedUrl("/login?locked"));
    }

    /** Everything a guest used before accounts existed still answers them, with the page policy. */
    @Test
    void pagesFilesAndTheSimulationApiStayOpenToGuests() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of(
                "/",
                "/simulations",
                "/simulations/pendulum",
                "/login",
                "/signup",
                "/admin/users",
                "/api/simulations",
                "/api/simulations/pendulum",
                "/icons/icon.svg")) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("SAMEORIGIN");
            assertThat(response.headers().allValues("X-Frame-Options")).as(path).hasSize(1);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(path)
                    .contains("default-src 'self'");
        }
        HttpResponse<String> api = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/simulations"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.PAGE_POLICY);
    }
}
