package org.energylab.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinRequest;

/**
 * The header's switch between the standard display and the projector display. It is a toggle button
 * ({@code aria-pressed}); pressing it changes the page at once and remembers the choice for a year
 * in a cookie that {@link ProjectorDisplay} reads when the next page is served.
 */
final class DisplayToggle extends Button {
    private static final String APPLY = """
            const on = $0;
            const html = document.documentElement;
            const words = new Set((html.getAttribute('theme') || '').split(/\\s+/).filter(Boolean));
            for (const word of $1.split(' ')) {
                on ? words.add(word) : words.delete(word);
            }
            html.setAttribute('theme', [...words].join(' '));
            document.cookie = $2 + '=' + (on ? $3 : 'standard') + '; path=/; max-age=31536000; SameSite=Lax';
            """;

    private boolean projector;

    DisplayToggle() {
        super("Projector display", screenIcon());
        addClassName("display-toggle");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        setTooltipText("Light text on a dark ground, in large type, for a classroom projector");
        show(ProjectorDisplay.chosen(VaadinRequest.getCurrent()));
        addClickListener(e -> {
            show(!projector);
            getElement()
                    .executeJs(
                            APPLY,
                            projector,
                            ProjectorDisplay.THEME,
                            ProjectorDisplay.COOKIE,
                            ProjectorDisplay.PROJECTOR);
        });
    }

    /**
     * A screen, drawn by the theme ({@code .display-icon}). Vaadin's icon set would bring its six
     * hundred icons into every page's scripts for this one.
     */
    private static Span screenIcon() {
        Span icon = new Span();
        icon.addClassName("display-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
    }

    private void show(boolean on) {
        projector = on;
        getElement().setAttribute("aria-pressed", Boolean.toString(on));
    }
}
