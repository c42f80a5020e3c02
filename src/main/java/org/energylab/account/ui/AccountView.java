package org.energylab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.energylab.account.AccountException;
import org.energylab.account.AccountService;
import org.energylab.account.Role;
import org.energylab.account.SignedInUser;

/** The signed-in person's own account: who they are, a new password, and signing out. */
@Route("account")
@PageTitle("Your account · Energy Lab")
@PermitAll
public class AccountView extends Main {
    final PasswordField current = new PasswordField("Current password");
    final PasswordField password = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button change = new Button("Change password");

    private final AccountService accounts;
    private final SignedInUser user;

    public AccountView(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.user = authentication
                .getAuthenticatedUser(SignedInUser.class)
                .orElseThrow(() -> new IllegalStateException("The account page is only shown to a signed-in user"));
        addClassNames("page", "account-page");
        add(new H2("Your account"));
        add(new Paragraph("Signed in as " + user.username() + " ("
                + user.role().name().toLowerCase(Locale.ROOT) + "). Your answers are kept in this account."));
        if (user.role() == Role.ADMIN) {
            Paragraph admin = new Paragraph("As an admin you can ");
            admin.add(new Anchor("/admin/users", "make accounts for teachers"));
            admin.add(".");
            add(admin);
        }
        add(new H3("Change your password"), passwordForm());
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addClassName("sign-out");
        add(signOut);
    }

    private FormLayout passwordForm() {
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setHelperText("At least 8 characters, not the username");
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> changePassword());
        FormLayout form = new FormLayout(current, password, repeat, change);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addClassName("account-form");
        return form;
    }

    void changePassword() {
        current.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (!password.getValue().equals(repeat.getValue())) {
            AccountForms.refuse(repeat, "The two new passwords differ; type the same password twice");
            return;
        }
        try {
            accounts.changePassword(user.username(), current.getValue(), password.getValue());
        } catch (AccountException e) {
            AccountForms.refuse("current".equals(e.field()) ? current : password, e.getMessage());
            return;
        }
        current.clear();
        password.clear();
        repeat.clear();
        Notification.show("Your password is changed.");
    }
}
