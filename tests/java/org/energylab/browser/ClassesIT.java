package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Classes in a real browser: a teacher (made by the admin over the API) makes a class and sees its
 * join code; a student opens the join link as a guest, signs up and is in the class, answers an
 * exercise, and is refused the class's dashboard; the teacher sees the answer on the dashboard and
 * on the student's page and downloads the CSV. Every class page passes axe-core's WCAG 2.1 A/AA
 * rules and is photographed.
 */
@TestPropertySource(
        properties = {"energylab.admin.username=classes-admin", "energylab.admin.password=" + ClassesIT.PASSWORD})
class ClassesIT extends PageTest {
    static final String PASSWORD = "a good password";
    private static final String LESSON = "/lessons/the-lagrangian";
    private final List<String> axe = new ArrayList<>();

    private static String someName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An account of the given role, made by the admin with HTTP Basic. */
    private void makeAccount(String username, String role) throws Exception {
        String basic =
                Base64.getEncoder().encodeToString(("classes-admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> made = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/users")))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username
                                        + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"" + role + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }

    /** Signs in with the sign-in form (Playwright's locators reach into its shadow root). */
    private static void signIn(Page page, String url, String username) {
        page.navigate(url);
        assertThat(page.locator("vaadin-login-form")).isVisible();
        PanelObject.settled(page);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).press("Enter");
        page.waitForURL(Pattern.compile(".*/$"));
    }

    /** Opens a page with a full load (the header then shows who is signed in) and waits for Vaadin's client. */
    private static void open(Page page, String url) {
        page.navigate(url);
        page.locator("main").first().waitFor();
        PanelObject.settled(page);
    }

    private void check(Page page, String name) {
        PanelObject.settled(page);
        BrowserSession.screenshot(page, name);
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        for (Rule rule : new AxeBuilder(page).options(options).analyze().getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                axe.add(name + ": " + rule.getId() + " (" + rule.getImpact() + ") at " + node.getTarget() + ": "
                        + node.getFailureSummary().replace('\n', ' '));
            }
        }
    }

    @Test
    void aTeacherMakesAClassAStudentJoinsByTheLinkAndTheTeacherSeesTheirProgress() throws Exception {
        String teacherName = someName("teach");
        makeAccount(teacherName, "teacher");

        // The teacher makes a class; a blank name is refused beside the field.
        signIn(page, url("/login"), teacherName);
        open(page, url("/classes"));
        assertThat(page.locator("main")).containsText("No classes yet");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create class"))
                .click();
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("Give the class a name");
        page.getByLabel("Class name").fill("Physics 2B");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create class"))
                .click();
        Locator card = page.locator(".class-card").filter(new Locator.FilterOptions().setHasText("Physics 2B"));
        assertThat(card.locator(".join-code")).hasText(Pattern.compile("[A-HJ-NP-Z2-9]{8}"));
        String code = card.locator(".join-code").textContent();
        String joinLink = card.locator(".join-link").getAttribute("href");
        assertThat(joinLink).isEqualTo(url("/join/" + code));
        String dashboard = card.locator("h4 a").getAttribute("href");
        assertThat(dashboard).matches("/classes/\\d+");
        check(page, "classes-teacher");

        // The teacher assigns an exercise, through the API with the browser's signed-in session.
        long classId = Long.parseLong(dashboard.substring("/classes/".length()));
        APIResponse assigned = page.request()
                .post(
                        url("/api/classes/" + classId + "/assignments"),
                        RequestOptions.create()
                                .setHeader("Content-Type", "application/json")
                                .setData("{\"lessonId\": \"the-lagrangian\", \"exerciseId\": \"period-and-mass\","
                                        + " \"dueAt\": \"2999-01-31\"}"));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(201);

        // And one with the dashboard's form: without a date it is refused beside the date field; with
        // one, the whole of lesson 1.2 is assigned and listed, finished by nobody yet.
        open(page, url(dashboard));
        page.locator(".assignment-form vaadin-select").first().click();
        page.locator(
                        "vaadin-select-item:visible",
                        new Page.LocatorOptions().setHasText("1.2 Constraints and Lagrange multipliers"))
                .first()
                .click();
        Locator assign = page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign").setExact(true));
        assign.click();
        assertThat(page.locator("vaadin-date-picker[invalid]")).containsText("Give the due date");
        Locator date = page.locator(".assignment-form vaadin-date-picker input");
        date.fill("2999-02-28");
        date.press("Enter");
        PanelObject.settled(page);
        assign.click();
        Locator listed = page.locator("main li")
                .filter(new Locator.FilterOptions().setHasText("Constraints and Lagrange multipliers"));
        assertThat(listed).containsText("due 2999-02-28 23:59 UTC");
        assertThat(listed).containsText("finished 0 of 0");
        check(page, "class-assignment-form");

        // A guest opens the join link, signs up, and is in the class.
        Page student = page.context().browser().newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
        student.setDefaultTimeout(45_000);
        String studentName = someName("ada");
        open(student, joinLink);
        assertThat(student.locator("main")).containsText("To join this class, sign in or sign up first");
        check(student, "join-guest");
        student.locator("main").getByText("sign up").click();
        assertThat(student).hasURL(Pattern.compile(".*/signup$"));
        PanelObject.settled(student);
        student.getByLabel("Username").fill(studentName);
        student.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(PASSWORD);
        student.getByLabel("Password again").fill(PASSWORD);
        student.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(student).hasURL(Pattern.compile(".*/join/" + code + "$"));
        assertThat(student.locator(".class-joined")).containsText("You are in the class Physics 2B of " + teacherName);
        check(student, "join-done");
        open(student, url("/classes"));
        assertThat(student.locator(".class-card")).containsText("Physics 2B");
        assertThat(student.locator(".class-card")).containsText("Teacher: " + teacherName);
        check(student, "classes-student");

        assertThat(student.locator(".assignment[data-state=not_started]")
                        .filter(new Locator.FilterOptions().setHasText("exercise period-and-mass")))
                .hasCount(1);
        assertThat(student.locator(".assignment[data-state=not_started]")
                        .filter(new Locator.FilterOptions().setHasText("Constraints and Lagrange multipliers")))
                .hasCount(1);

        // The student answers the assigned exercise; the home page says it is done; the dashboard is refused.
        open(student, url(LESSON));
        student.locator(".katex").first().waitFor();
        PanelObject.settled(student);
        Locator exercise = student.locator(".exercise[data-exercise=period-and-mass]");
        exercise.locator("vaadin-radio-button").nth(2).click();
        exercise.locator("vaadin-button.exercise-check").click();
        assertThat(exercise.locator(".exercise-feedback")).hasText("Correct.");
        open(student, url("/"));
        assertThat(student.locator(".assignment[data-state=done]")).hasCount(1);
        assertThat(student.locator(".assignment[data-state=done]")).containsText("due 2999-01-31 23:59 UTC · done");
        check(student, "home-assignments");
        open(student, url(dashboard));
        assertThat(student.locator(".class-refused")).hasText(Pattern.compile("Only the class's teacher.*"));
        assertThat(student.locator(".class-grid")).hasCount(0);
        check(student, "class-dashboard-refused");
        open(student, url(dashboard + "/students/1"));
        assertThat(student.locator(".class-refused")).isVisible();

        // The teacher sees it on the dashboard and on the student's page.
        open(page, url(dashboard));
        assertThat(page.locator("main h2")).hasText("Physics 2B");
        BrowserSession.screenshot(page, "class-dashboard-first");
        Locator row = page.locator(".class-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(studentName));
        assertThat(row).hasCount(1);
        assertThat(page.locator("main")).containsText("1 student");
        check(page, "class-dashboard");
        row.click();
        assertThat(page).hasURL(Pattern.compile(".*/classes/\\d+/students/\\d+$"));
        assertThat(page.locator("main h2")).hasText(studentName);
        assertThat(page.locator(".student-grid")).containsText("period-and-mass");
        check(page, "class-student");

        // The CSV download holds the student's answer.
        open(page, url(dashboard));
        Download download =
                page.waitForDownload(() -> page.locator("a.class-csv").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("student,lesson_id,lesson_title,");
        assertThat(csv).contains(studentName + ",the-lagrangian,The Lagrangian,true,false,period-and-mass,true,1,");
        assertThat(download.suggestedFilename()).endsWith("-progress.csv");

        student.context().close();
        assertThat(axe).as("axe-core WCAG 2.1 A/AA violations").isEmpty();
    }

    /** A JSON request to the API with HTTP Basic credentials; the answer's body, after checking its status. */
    private String api(String username, String path, String json, int status) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(path)))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return answer.body();
    }

    @Test
    void aTeacherAssignsASimulationWithSettingsLockedAndAStudentsRunCompletesIt() throws Exception {
        String teacherName = someName("teach");
        String studentName = someName("bo");
        makeAccount(teacherName, "teacher");
        makeAccount(studentName, "student");
        String made = api(teacherName, "/api/classes", "{\"name\": \"Mechanics 1\"}", 201);
        long classId = Long.parseLong(made.replaceAll(".*\"id\":(\\d+).*", "$1"));
        String code = made.replaceAll(".*\"joinCode\":\"([A-Z0-9]+)\".*", "$1");
        api(studentName, "/api/classes/join", "{\"joinCode\": \"" + code + "\"}", 200);

        // The teacher pastes a simulation's address; its settings appear, those it sets ticked. A value
        // out of range is refused beside the address.
        signIn(page, url("/login"), teacherName);
        open(page, url("/classes/" + classId));
        Locator form = page.locator(".simulation-assignment-form");
        Locator address = form.locator("vaadin-text-field input");
        address.fill("/simulations/pendulum?planet=moon&length=99");
        address.press("Tab");
        assertThat(form.locator("vaadin-checkbox[data-setting=length]")).containsText("Length ℓ = 99 m");
        Locator date = form.locator("vaadin-date-picker input");
        date.fill("2999-03-31");
        date.press("Enter");
        PanelObject.settled(page);
        Locator assign = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign the simulation"));
        assign.click();
        assertThat(form.locator("vaadin-text-field[invalid]")).isVisible();
        assertThat(form.locator("vaadin-text-field")).containsText("Length");

        address.fill("/simulations/pendulum?planet=moon&length=2");
        address.press("Tab");
        assertThat(form.locator("vaadin-checkbox[data-setting=length]")).containsText("Length ℓ = 2 m");
        assertThat(form.locator("vaadin-checkbox[data-setting=planet]")).hasAttribute("checked", "");
        assertThat(form.locator("vaadin-checkbox[data-setting=mass]")).not().hasAttribute("checked", "");
        form.locator("vaadin-checkbox[data-setting=duration]").click();
        PanelObject.settled(page);
        check(page, "class-simulation-form");
        assign.click();
        Locator listed = page.locator(".assignment-review").filter(new Locator.FilterOptions().setHasText("Pendulum"));
        assertThat(listed).containsText("3 settings fixed");
        assertThat(listed).containsText("finished 0 of 1");
        String assignmentPage = listed.locator("a").getAttribute("href");
        assertThat(assignmentPage).matches("/assignments/\\d+");

        // The teacher's preview: the same page, nothing recorded.
        open(page, url(assignmentPage));
        assertThat(page.locator(".assignment-done-state")).containsText("Preview");

        // The student finds it on the home page, opens it: the locked settings are greyed out.
        Page student = page.context().browser().newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
        student.setDefaultTimeout(45_000);
        signIn(student, url("/login"), studentName);
        open(student, url("/"));
        Locator item = student.locator(".assignment[data-state=not_started]")
                .filter(new Locator.FilterOptions().setHasText("Pendulum"));
        assertThat(item).containsText("Mechanics 1");
        item.locator("a").click();
        assertThat(student).hasURL(Pattern.compile(".*" + assignmentPage + "$"));
        PanelObject.settled(student);
        assertThat(student.locator("main h2")).hasText("Assignment: Pendulum");
        assertThat(student.locator("main"))
                .containsText("Your teacher fixed Length ℓ = 2 m, Planet = Moon, Duration = 20 s");
        PanelObject panel = PanelObject.first(student, "pendulum");
        assertThat(panel.root().locator("#param-length")).hasAttribute("disabled", "");
        assertThat(panel.root().locator("#param-duration")).hasAttribute("disabled", "");
        assertThat(panel.root().locator("#param-mass")).not().hasAttribute("disabled", "");
        assertThat(panel.value("length")).isEqualTo("2");
        assertThat(panel.root().locator("#param-planet")).hasJSProperty("disabled", true);
        assertThat(student.locator(".assignment-done-state")).hasText("Not done yet: run the simulation to the end.");
        panel.fill("mass", "3");
        panel.runAndWait();
        assertThat(panel.root().locator(".run-status")).hasText("Done.");
        // The run used the fixed Moon and 2 m: T = 2π√(ℓ/g) ≈ 6.98 s, times about 1.07 at θ₀ = 1 rad
        // (on Earth it would be about 3.0 s).
        assertThat(panel.scalar("period")).isBetween(7.0, 8.0);
        assertThat(student.locator(".assignment-done-state")).containsText("Your run is recorded");
        assertThat(student.locator(".assignment-done-state")).hasAttribute("data-done", "true");
        check(student, "assignment-simulation-done");
        open(student, url("/"));
        assertThat(student.locator(".assignment[data-state=done]")).containsText("Pendulum");

        // A student outside the class is refused the page.
        String other = someName("cy");
        makeAccount(other, "student");
        Page outsider = page.context().browser().newPage();
        outsider.setDefaultTimeout(45_000);
        signIn(outsider, url("/login"), other);
        open(outsider, url(assignmentPage));
        assertThat(outsider.locator(".class-refused")).hasText("This assignment is for a class you are not in");
        assertThat(outsider.locator(".simulation-panel")).hasCount(0);
        check(outsider, "assignment-refused");

        // The teacher sees it done.
        open(page, url("/classes/" + classId));
        assertThat(page.locator(".assignment-review").filter(new Locator.FilterOptions().setHasText("Pendulum")))
                .containsText("finished 1 of 1: " + studentName);

        student.context().close();
        outsider.context().close();
        assertThat(axe).as("axe-core WCAG 2.1 A/AA violations").isEmpty();
    }
}
