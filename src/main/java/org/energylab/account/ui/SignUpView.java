package org.energylab.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.energylab.account.AccountException;
import org.energylab.account.AccountService;
import org.energylab.account.SignIn;
import org.energylab.account.SignedInUser;
import org.energylab.account.UserAccount;

/**
 * A student makes their own account (while {@code energylab.signup.enabled}) and is signed in at
 * once; what they answered as a guest in this browser moves into the account. A problem with the
 * username or password is shown at that field.
 */
@Route("signup")
@PageTitle("Sign up · Energy Lab")
@AnonymousAllowed
public class SignUpView extends Main {
    final TextField username = new TextField("Username");
    final PasswordField password = new PasswordField("Password");
    final PasswordField repeat = new PasswordField("Password again");
    final Button create = new Button("Create account");

    private final AccountService accounts;
    private final SignIn signIn;

    public SignUpView(AccountService accounts, SignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
        addClassNames("page", "account-page");
        add(new H2("Sign up"));
        if (!accounts.signUpEnabled()) {
            add(new Paragraph(
                    "Signing up is turned off on this server: ask your teacher or the admin for an account."));
            return;
        }
        add(new Paragraph("An account keeps your answers, on any browser. What you answered as a guest in this"
                + " browser moves into it."));
        add(form());
        Paragraph haveAccount = new Paragraph("Already have an account? ");
        Anchor link = new Anchor("/login", "Sign in");
        // A link inside a sentence is underlined, not told apart by colour alone (WCAG 1.4.1).
        link.getStyle().set("text-decoration", "underline");
        haveAccount.add(link);
        add(haveAccount);
    }

    private FormLayout form() {
        username.setHelperText("3 to 32 characters: letters, digits, '.', '_' or '-'");
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setMaxLength(64);
        password.setHelperText("At least 8 characters, not the username");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> submit());
        create.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(username, password, repeat, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addClassName("account-form");
        return form;
    }

    void submit() {
        username.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (!password.getValue().equals(repeat.getValue())) {
            AccountForms.refuse(repeat, "The two passwords differ; type the same password twice");
            return;
        }
        UserAccount made;
        try {
            made = accounts.signUp(username.getValue(), password.getValue());
        } catch (AccountException e) {
            AccountForms.refuse("password".equals(e.field()) ? password : username, e.getMessage());
            return;
        }
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            signIn.signInNow(SignedInUser.of(made), request.getHttpServletRequest(), response.getHttpServletResponse());
        }
        // A fresh page: the header and every view see the signed-in account.
        UI.getCurrent().getPage().setLocation("/");
    }
}
