package org.energylab.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.energylab.account.AccountException;
import org.energylab.account.AccountService;
import org.energylab.account.Role;
import org.energylab.account.UserAccount;

/** The admin's page: make accounts for teachers (or other admins) and see every account. */
@Route("admin/users")
@PageTitle("Accounts · Energy Lab")
@RolesAllowed("ADMIN")
public class UsersView extends Main {
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    final TextField username = new TextField("Username");
    final PasswordField password = new PasswordField("Password");
    final Select<Role> role = new Select<>();
    final Button create = new Button("Create account");
    final Grid<UserAccount> grid = new Grid<>();

    private final AccountService accounts;

    public UsersView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("page", "account-page", "users-page");
        add(new H2("Accounts"));
        add(new Paragraph("Make an account for a teacher and tell them its username and password; they can change"
                + " the password on their account page. Students sign themselves up"
                + (accounts.signUpEnabled() ? "." : " only while sign-up is turned on (it is off now).")));
        add(new H3("New account"), form(), new H3("All accounts"), grid());
        refresh();
    }

    private FormLayout form() {
        username.setHelperText("3 to 32 characters: letters, digits, '.', '_' or '-'");
        password.setHelperText("At least 8 characters, not the username");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(
                r -> r.name().charAt(0) + r.name().substring(1).toLowerCase(Locale.ROOT));
        role.setValue(Role.TEACHER);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> submit());
        FormLayout form = new FormLayout(username, password, role, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.addClassName("account-form");
        return form;
    }

    private Grid<UserAccount> grid() {
        grid.addColumn(UserAccount::username).setHeader("Username");
        grid.addColumn(a -> a.role().name().toLowerCase(Locale.ROOT)).setHeader("Role");
        grid.addColumn(a -> CREATED.format(a.createdAt())).setHeader("Created");
        grid.addColumn(a -> a.lockedAt(Instant.now()) ? "locked until " + CREATED.format(a.lockedUntil()) : "")
                .setHeader("Sign-in");
        grid.setAllRowsVisible(true);
        return grid;
    }

    void submit() {
        username.setInvalid(false);
        password.setInvalid(false);
        UserAccount made;
        try {
            made = accounts.create(username.getValue(), password.getValue(), role.getValue());
        } catch (AccountException e) {
            if ("password".equals(e.field())) {
                AccountForms.refuse(password, e.getMessage());
            } else if ("role".equals(e.field())) {
                role.setErrorMessage(e.getMessage());
                role.setInvalid(true);
            } else {
                AccountForms.refuse(username, e.getMessage());
            }
            return;
        }
        username.clear();
        password.clear();
        refresh();
        Notification.show("Made the " + made.role().name().toLowerCase(Locale.ROOT) + " account " + made.username());
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }
}
