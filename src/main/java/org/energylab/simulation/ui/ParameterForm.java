package org.energylab.simulation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.energylab.simulation.Choice;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.ParameterType;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.Seed;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;

/**
 * The form generated from a simulation's schema: a text field with its unit and a slider for each
 * number, a select for each choice, a seed where randomness matters. Every field checks itself as
 * the learner types, with the same validation the API uses, and shows the message beside itself.
 */
class ParameterForm extends Div {
    static final String SEED = Seed.FIELD;
    private static final int SLIDER_STEPS = 1000;

    private final Simulation simulation;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    ParameterForm(Simulation simulation, boolean withSeed) {
        this.simulation = simulation;
        addClassName("parameter-form");
        for (ParameterSpec spec : simulation.schema().parameters()) {
            Field field = spec.type() == ParameterType.CHOICE ? new ChoiceField(spec) : new NumberField(spec);
            fields.put(spec.name(), field);
            add(field.component());
        }
        if (withSeed) {
            // The seed is checked by Seed, as the API checks it: digits only, so "1e3" gets a message.
            NumberField field = new NumberField(Seed.SPEC, false, Seed::parse);
            fields.put(SEED, field);
            add(field.component());
        }
        fields.values().forEach(f -> f.onChange(this::refreshConditions));
        refreshConditions();
    }

    /** Sets fields from text (URL parameters, lesson overrides); unknown names are ignored. */
    void setValues(Map<String, ?> values) {
        values.forEach((name, value) -> {
            Field field = fields.get(name);
            if (field != null && value != null) {
                field.setText(value instanceof Double d ? ParameterSpec.format(d) : value.toString());
            }
        });
        refreshConditions();
    }

    /** Puts every field back to the schema default. */
    void reset(Map<String, ?> overrides) {
        fields.values().forEach(Field::reset);
        setValues(overrides);
    }

    /**
     * Validates every field, marks the invalid ones, and returns the parameters when all are valid.
     */
    Optional<Parameters> validate() {
        boolean valid = true;
        for (Field field : fields.values()) {
            valid &= field.check();
        }
        if (!valid) {
            return Optional.empty();
        }
        try {
            return Optional.of(SimulationRegistry.validate(simulation, rawValues()));
        } catch (InvalidParameterException e) {
            Field field = fields.get(e.field());
            if (field != null) {
                field.showError(e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** The text of the field {@code name}, or null when the form has no such field. */
    String text(String name) {
        Field field = fields.get(name);
        return field == null ? null : field.text();
    }

    /** Calls {@code listener} after any field changes. */
    void addChangeListener(Runnable listener) {
        fields.values().forEach(f -> f.onChange(listener));
    }

    /** Greys a field out for good: its value is set from elsewhere, as the shared data of a comparison. */
    void lock(String name) {
        Field field = fields.get(name);
        if (field != null) {
            field.locked = true;
            field.setEnabled(false);
        }
    }

    /** The seed of a form that {@link #validate()} accepted. */
    long seed() {
        Field seed = fields.get(SEED);
        return seed == null ? Seed.DEFAULT : Seed.parse(seed.text());
    }

    /** Values that differ from the defaults, as text for a shareable link. */
    Map<String, String> changedValues() {
        Map<String, String> changed = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (!field.isDefault()) {
                changed.put(name, field.text().trim());
            }
        });
        return changed;
    }

    private Map<String, Object> rawValues() {
        Map<String, Object> raw = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            if (!name.equals(SEED) && field.active()) {
                raw.put(name, field.text());
            }
        });
        return raw;
    }

    private void refreshConditions() {
        for (Field field : fields.values()) {
            ParameterSpec.Condition condition = field.spec.activeWhen();
            if (condition != null) {
                Field other = fields.get(condition.parameter());
                field.setActive(other != null && condition.value().equals(other.text()));
            }
        }
    }

    /** One field of the form, whatever its widget. */
    private abstract static class Field {
        final ParameterSpec spec;
        private final Function<Object, Object> validator;
        private boolean active = true;
        private boolean locked;

        Field(ParameterSpec spec) {
            this(spec, spec::validate);
        }

        Field(ParameterSpec spec, Function<Object, Object> validator) {
            this.spec = spec;
            this.validator = validator;
        }

        abstract Component component();

        abstract String text();

        abstract void setText(String text);

        abstract void showError(String message);

        abstract void clearError();

        abstract void onChange(Runnable listener);

        abstract void setEnabled(boolean enabled);

        void reset() {
            Object value = spec.defaultValue();
            setText(value instanceof Double d ? ParameterSpec.format(d) : value.toString());
            clearError();
        }

        boolean isDefault() {
            try {
                return validator.apply(text()).equals(validator.apply(spec.defaultValue()));
            } catch (InvalidParameterException e) {
                return false;
            }
        }

        boolean active() {
            return active;
        }

        void setActive(boolean active) {
            this.active = active;
            setEnabled(active && !locked);
            if (!active) {
                clearError();
            }
        }

        /** Validates this field alone; an inactive field always passes (its default is used). */
        boolean check() {
            if (!active) {
                return true;
            }
            try {
                validator.apply(text());
                clearError();
                return true;
            } catch (InvalidParameterException e) {
                showError(e.getMessage());
                return false;
            }
        }
    }

    /** A number: text field with unit and range, plus a slider (logarithmic where the schema says). */
    private static final class NumberField extends Field {
        private final TextField text = new TextField();
        private final Input slider = new Input(ValueChangeMode.EAGER);
        private final Div box = new Div();

        NumberField(ParameterSpec spec) {
            this(spec, true, spec::validate);
        }

        NumberField(ParameterSpec spec, boolean withSlider, Function<Object, Object> validator) {
            super(spec, validator);
            text.setLabel(spec.label());
            text.setId("param-" + spec.name());
            text.getElement().setAttribute("name", spec.name());
            text.setAllowedCharPattern("[-0-9.eE+]");
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setValueChangeTimeout(250);
            text.setHelperText(helper(spec));
            if (!spec.unit().isEmpty()) {
                text.setSuffixComponent(new Span(spec.unit()));
            }
            if (!spec.description().isEmpty()) {
                text.setTooltipText(spec.description());
            }
            text.addValueChangeListener(e -> {
                if (check()) {
                    syncSlider();
                }
            });
            box.addClassName("number-field");
            box.add(text);
            if (withSlider) {
                slider.setType("range");
                slider.getElement().setAttribute("min", "0");
                slider.getElement().setAttribute("max", Integer.toString(SLIDER_STEPS));
                slider.getElement().setAttribute("step", "1");
                slider.getElement().setAttribute("aria-label", spec.label());
                slider.addClassName("parameter-slider");
                slider.addValueChangeListener(e -> {
                    if (e.isFromClient() && !e.getValue().isEmpty()) {
                        text.setValue(fromSlider(Double.parseDouble(e.getValue())));
                    }
                });
                box.add(slider);
            }
            reset();
        }

        private static String helper(ParameterSpec spec) {
            String range = ParameterSpec.format(spec.min()) + " to " + ParameterSpec.format(spec.max());
            return spec.unit().isEmpty() ? range : range + " " + spec.unit();
        }

        private String fromSlider(double position) {
            double f = position / SLIDER_STEPS;
            double value = spec.logScale()
                    ? spec.min() * Math.pow(spec.max() / spec.min(), f)
                    : spec.min() + f * (spec.max() - spec.min());
            if (spec.type() == ParameterType.INTEGER) {
                return Long.toString(Math.round(value));
            }
            return ParameterSpec.format(Double.parseDouble(String.format(Locale.ROOT, "%.3g", value)));
        }

        private void syncSlider() {
            if (box.getChildren().noneMatch(c -> c == slider)) {
                return;
            }
            double value = Double.parseDouble(text.getValue().trim());
            double f = spec.logScale()
                    ? Math.log(value / spec.min()) / Math.log(spec.max() / spec.min())
                    : (value - spec.min()) / (spec.max() - spec.min());
            slider.setValue(Long.toString(Math.round(f * SLIDER_STEPS)));
        }

        @Override
        Component component() {
            return box;
        }

        @Override
        String text() {
            return text.getValue();
        }

        @Override
        void setText(String value) {
            text.setValue(value);
            if (check()) {
                syncSlider();
            }
        }

        @Override
        void showError(String message) {
            text.setInvalid(true);
            text.setErrorMessage(message);
        }

        @Override
        void clearError() {
            text.setInvalid(false);
            text.setErrorMessage(null);
        }

        @Override
        void onChange(Runnable listener) {
            text.addValueChangeListener(e -> listener.run());
        }

        @Override
        void setEnabled(boolean enabled) {
            text.setEnabled(enabled);
            slider.setEnabled(enabled);
        }
    }

    /** A choice: a select showing the choices' labels. */
    private static final class ChoiceField extends Field {
        private final Select<String> select = new Select<>();

        ChoiceField(ParameterSpec spec) {
            super(spec);
            select.setLabel(spec.label());
            select.setId("param-" + spec.name());
            select.setItems(spec.choices().stream().map(Choice::value).toList());
            select.setItemLabelGenerator(v -> spec.choices().stream()
                    .filter(c -> c.value().equals(v))
                    .map(Choice::label)
                    .findFirst()
                    .orElse(v));
            if (!spec.description().isEmpty()) {
                select.setHelperText(spec.description());
            }
            reset();
        }

        @Override
        Component component() {
            return select;
        }

        @Override
        String text() {
            return select.getValue() == null ? "" : select.getValue();
        }

        @Override
        void setText(String value) {
            if (spec.choices().stream().anyMatch(c -> c.value().equals(value))) {
                select.setValue(value);
                clearError();
            } else {
                showError(spec.label() + " has no choice \"" + value + "\"");
            }
        }

        @Override
        void showError(String message) {
            select.setInvalid(true);
            select.setErrorMessage(message);
        }

        @Override
        void clearError() {
            select.setInvalid(false);
            select.setErrorMessage(null);
        }

        @Override
        void onChange(Runnable listener) {
            select.addValueChangeListener(
                    (HasValue.ValueChangeListener<HasValue.ValueChangeEvent<String>>) e -> listener.run());
        }

        @Override
        void setEnabled(boolean enabled) {
            select.setEnabled(enabled);
        }
    }
}
