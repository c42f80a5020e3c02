package org.energylab.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import java.util.Optional;
import org.energylab.account.AccountService;
import org.energylab.account.AccountSettings;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page. The form posts to {@code /login}, where Spring Security checks the password; a
 * failure comes back here as {@code ?error} (wrong username or password) or {@code ?locked}.
 */
@Route("login")
@PageTitle("Sign in · Energy Lab")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {
    final LoginForm form = new LoginForm();
    private final AccountSettings settings;

    public LoginView(AccountService accounts, AccountSettings settings) {
        this.settings = settings;
        addClassNames("page", "account-page");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n("", ""));
        add(new H2("Sign in"));
        add(new Paragraph("Signed in, your answers are kept in your account and follow you to any browser."
                + " What you answered as a guest in this browser moves into it."));
        add(form);
        if (accounts.signUpEnabled()) {
            Paragraph signUp = new Paragraph("No account yet? ");
            Anchor link = new Anchor("/signup", "Sign up");
            // A link inside a sentence is underlined, not told apart by colour alone (WCAG 1.4.1).
            link.getStyle().set("text-decoration", "underline");
            signUp.add(link);
            add(signUp);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, ?> parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            String why = lastFailure()
                    .filter(LockedException.class::isInstance)
                    .map(Exception::getMessage)
                    .orElse("Too many failed sign-ins: this account is locked for a while. Try again later.");
            showError("Account locked", why);
        } else if (parameters.containsKey("error")) {
            showError(
                    "Wrong username or password",
                    "Check both and try again. After " + settings.maxFailedLogins()
                            + " failed tries in a row the account is locked for "
                            + settings.lockDuration().toMinutes() + " minutes.");
        }
    }

    private void showError(String title, String message) {
        form.setI18n(i18n(title, message));
        form.setError(true);
    }

    /** The failure Spring Security kept in the session when it sent the browser back here. */
    private static Optional<Exception> lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return Optional.empty();
        }
        return session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof Exception e
                ? Optional.of(e)
                : Optional.empty();
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }
}
