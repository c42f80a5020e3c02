package org.energylab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Accounts in a real browser: a guest signs up and keeps what they answered, answers more, signs out
 * and in again and finds it all. Screenshots of the sign-up page and of a failed sign-in.
 */
class AccountsIT extends PageTest {
    private static final String LESSON = "/lessons/the-lagrangian";

    private static String someName() {
        return "ada-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Locator exercise(String id) {
        return page.locator(".exercise[data-exercise=" + id + "]");
    }

    private void openLesson() {
        page.navigate(url(LESSON));
        page.locator(".katex").first().waitFor();
        PanelObject.settled(page);
    }

    private void signIn(String username, String password) {
        page.navigate(url("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        PanelObject.settled(page);
        // The form's fields live in its shadow root; it focuses the username field when shown.
        page.waitForCondition(() -> Boolean.TRUE.equals(page.evaluate("() => {"
                + " const form = document.querySelector('vaadin-login-form');"
                + " const focused = form && form.shadowRoot ? form.shadowRoot.activeElement : document.activeElement;"
                + " return !!focused && focused.closest('[name=username]') !== null; }")));
        page.keyboard().type(username);
        page.keyboard().press("Tab");
        page.keyboard().type(password);
        page.keyboard().press("Enter");
    }

    private void signOut() {
        PanelObject.settled(page);
        page.locator(".account-bar vaadin-button.sign-out").click();
        assertThat(page.locator(".account-bar")).containsText("Sign in");
    }

    @Test
    void aStudentKeepsTheirAnswersAfterSigningUpOutAndInAgain() {
        // As a guest: one exercise solved.
        openLesson();
        exercise("period-and-mass").locator("vaadin-radio-button").nth(2).click();
        exercise("period-and-mass").locator("vaadin-button.exercise-check").click();
        assertThat(exercise("period-and-mass").locator(".exercise-feedback")).hasText("Correct.");

        // Signing up: a problem is shown beside its field, then the account is made and signed in.
        page.locator(".account-bar").getByText("Sign up").click();
        assertThat(page).hasURL(Pattern.compile(".*/signup$"));
        PanelObject.settled(page);
        String name = someName();
        page.getByLabel("Username").fill(name);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("Password again").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.locator("vaadin-password-field[invalid]").first())
                .containsText("A password needs at least 8 characters");
        BrowserSession.screenshot(page, "signup");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("my own password");
        page.getByLabel("Password again").fill("my own password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.locator(".account-bar .account-link")).hasText(name);

        // The guest's answer is the account's now; one more answer.
        openLesson();
        assertThat(exercise("period-and-mass")).hasClass(Pattern.compile(".*exercise-solved.*"));
        exercise("planet-x").locator("vaadin-text-field input").fill("5.45");
        exercise("planet-x").locator("vaadin-button.exercise-check").click();
        assertThat(exercise("planet-x").locator(".exercise-feedback")).hasText("Correct.");

        // Signed out, the browser is a new guest with nothing answered.
        signOut();
        openLesson();
        assertThat(exercise("planet-x")).not().hasClass(Pattern.compile(".*exercise-solved.*"));
        assertThat(exercise("period-and-mass")).not().hasClass(Pattern.compile(".*exercise-solved.*"));

        // A wrong password is said so; the right one brings the answers back.
        signIn(name, "not my password");
        assertThat(page.getByText("Wrong username or password")).isVisible();
        BrowserSession.screenshot(page, "login-error");
        signIn(name, "my own password");
        assertThat(page.locator(".account-bar .account-link")).hasText(name);
        openLesson();
        assertThat(exercise("period-and-mass")).hasClass(Pattern.compile(".*exercise-solved.*"));
        assertThat(exercise("planet-x")).hasClass(Pattern.compile(".*exercise-solved.*"));
        assertThat(exercise("planet-x").locator(".exercise-feedback")).hasText("Correct.");
    }

    /**
     * The admin (configured for the browser tests in the pom) makes a teacher account on the accounts
     * page; both account pages pass axe; the teacher signs in and is refused the accounts page.
     */
    @Test
    void anAdminMakesATeacherWhoMayNotOpenTheAccountsPage() {
        signIn("it-admin", "it-admin-password");
        assertThat(page.locator(".account-bar .account-link")).hasText("it-admin");
        page.locator(".account-bar").getByText("Accounts").click();
        assertThat(page).hasURL(Pattern.compile(".*/admin/users$"));
        PanelObject.settled(page);
        String teacher = "teacher-" + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Username").fill(teacher);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a teacher's password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        Locator row = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(teacher));
        assertThat(row.first()).isVisible();
        assertThat(AccessibilityIT.violations(page, "/admin/users")).isEmpty();
        BrowserSession.screenshot(page, "admin-users");

        page.navigate(url("/account"));
        assertThat(page.locator(".account-page")).isVisible();
        PanelObject.settled(page);
        assertThat(AccessibilityIT.violations(page, "/account")).isEmpty();
        BrowserSession.screenshot(page, "account");

        signOut();
        signIn(teacher, "a teacher's password");
        assertThat(page.locator(".account-bar .account-link")).hasText(teacher);
        assertThat(page.locator(".account-bar").getByText("Accounts")).hasCount(0);
        page.navigate(url("/admin/users"));
        assertThat(page.locator("main h2")).hasText("Page not found");
        assertThat(page.locator(".users-page")).hasCount(0);
        assertThat(page.getByText(teacher)).hasCount(1);
        BrowserSession.screenshot(page, "admin-users-refused");
    }
}
