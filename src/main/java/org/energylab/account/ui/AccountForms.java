package org.energylab.account.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;

/** Shared by the account forms: a refused input shows why beside it and takes the focus. */
final class AccountForms {
    private AccountForms() {}

    static <T extends HasValidation & Focusable<?>> void refuse(T field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
    }
}
