package org.energylab.exercise.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.energylab.base.MathProse;
import org.energylab.exercise.Answer;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.Exercise;
import org.energylab.exercise.ExerciseProgress;
import org.energylab.exercise.ExerciseService;
import org.energylab.exercise.GradedRun;
import org.energylab.exercise.NumericExercise;
import org.energylab.exercise.SimulationExercise;
import org.energylab.learner.Learner;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.SimulationResult;

/**
 * One exercise at the end of a lesson: the question, an answer widget, Check, feedback, a hint
 * after a wrong try, and the worked explanation after a correct answer or {@value
 * Exercise#TRIES_BEFORE_EXPLANATION} tries. Grading and the learner's attempts belong to the
 * {@link ExerciseService}; the card only shows them, so answers survive a reload and moving between
 * lessons.
 */
public class ExerciseCard extends Div {
    private final String lessonId;
    private final Exercise exercise;
    private final UnaryOperator<String> markdown;
    private final ExerciseService service;
    private final Learner learner;
    private ExerciseProgress progress;
    private final Span feedback = new Span();
    private final Div hint = new Div();
    private final Div explanation = new Div();
    /** The run behind the last attempt at a simulation exercise, with a link that re-opens it. */
    private final Div gradedRun = new Div();

    private RadioButtonGroup<Integer> choices;
    private TextField answer;

    /**
     * @param markdown renders the exercise's Markdown text to HTML
     */
    public ExerciseCard(
            String lessonId,
            int number,
            Exercise exercise,
            UnaryOperator<String> markdown,
            ExerciseService service,
            Learner learner) {
        this.lessonId = lessonId;
        this.exercise = exercise;
        this.markdown = markdown;
        this.service = service;
        this.learner = learner;
        this.progress = service.progress(learner, lessonId, exercise);
        addClassName("exercise");
        getElement().setAttribute("data-exercise", exercise.id());
        add(new H3("Exercise " + number), new MathProse(markdown.apply(exercise.prompt())));
        add(answerArea());
        feedback.addClassName("exercise-feedback");
        feedback.getElement().setAttribute("role", "status");
        // Said out loud after Check, without taking the focus from the answer.
        feedback.getElement().setAttribute("aria-live", "polite");
        hint.addClassName("exercise-hint");
        explanation.addClassName("exercise-explanation");
        gradedRun.addClassName("exercise-run");
        gradedRun.getStyle().set("margin", "var(--lumo-space-xs) 0 var(--lumo-space-s)");
        add(feedback, gradedRun, hint, explanation);
        restore();
    }

    public Exercise exercise() {
        return exercise;
    }

    /** Whether the learner has solved this exercise, now or in an earlier session. */
    public boolean solved() {
        return progress.solved();
    }

    /** Hears when the learner solves this exercise on the page. */
    public Registration addSolvedListener(ComponentEventListener<SolvedEvent> listener) {
        return addListener(SolvedEvent.class, listener);
    }

    /** The learner has just solved the exercise of this card. */
    public static class SolvedEvent extends ComponentEvent<ExerciseCard> {
        SolvedEvent(ExerciseCard source) {
            super(source, false);
        }
    }

    /**
     * Grades a finished run of the simulation this exercise watches.
     *
     * @param seed the run's seed, null for a simulation whose result no seed changes
     */
    public void gradeRun(String simulation, Parameters parameters, Long seed, SimulationResult result) {
        if (exercise instanceof SimulationExercise) {
            submit(new Answer.Run(simulation, parameters.asMap(), seed, result));
        }
    }

    private Component answerArea() {
        Div area = new Div();
        area.addClassName("exercise-answer");
        if (exercise instanceof ChoiceExercise c) {
            choices = new RadioButtonGroup<>();
            choices.setItems(IntStream.range(0, c.choices().size()).boxed().toList());
            choices.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(
                    i -> new MathProse(markdown.apply(c.choices().get(i)))));
            choices.addClassName("exercise-choices");
            // One choice a line: side by side, a short choice ran into the next one's sentence.
            choices.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            Button check = checkButton(() -> submit(new Answer.Choice(choices.getValue())));
            area.add(choices, check);
        } else if (exercise instanceof NumericExercise n) {
            answer = new TextField("Your answer");
            answer.addClassName("exercise-input");
            answer.setMaxLength(Answer.Typed.MAX_LENGTH);
            if (!n.unit().isEmpty()) {
                answer.setSuffixComponent(new Span(n.unit()));
            }
            Button check = checkButton(() -> {
                String typed = answer.getValue();
                if (typed.length() > Answer.Typed.MAX_LENGTH) {
                    feedback.setText("Enter at most " + Answer.Typed.MAX_LENGTH + " characters.");
                } else {
                    submit(new Answer.Typed(typed));
                }
            });
            answer.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> check.click());
            area.add(answer, check);
        } else if (exercise instanceof SimulationExercise s) {
            Span how = new Span("Graded from your own run of the simulation above"
                    + (s.require().isEmpty() ? "" : ", with " + s.describeRequirements())
                    + ". Run it and the result is checked automatically.");
            how.addClassName("exercise-how");
            area.add(how);
        }
        return area;
    }

    /**
     * "Your graded run: <scalar> = <value> — open it again" (the last one, while the exercise is not
     * solved), linking to the simulation page with that run's parameters and seed.
     */
    private void showGradedRun() {
        gradedRun.removeAll();
        Optional<GradedRun> run = service.lastRun(learner, lessonId, exercise);
        gradedRun.setVisible(run.isPresent());
        run.ifPresent(r -> {
            Anchor again = new Anchor(r.link(), "open it again");
            again.addClassName("exercise-run-link");
            again.setTitle("The " + r.label() + " run with the same parameters"
                    + (r.seed() == null ? "" : " and seed " + r.seed()));
            String which = progress.solved() ? "Your graded run: " : "Your last graded run: ";
            gradedRun.add(new Span(which + r.label() + " = " + r.shownValue() + " — "), again);
        });
    }

    private Button checkButton(Runnable action) {
        Button check = new Button("Check", e -> action.run());
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClassName("exercise-check");
        return check;
    }

    private void submit(Answer given) {
        boolean solvedBefore = progress.solved();
        progress = service.submit(learner, lessonId, exercise, given);
        restore();
        if (progress.solved() && !solvedBefore) {
            fireEvent(new SolvedEvent(this));
        }
    }

    private void restore() {
        feedback.setText(progress.lastFeedback());
        showGradedRun();
        feedback.getElement().setAttribute("data-correct", Boolean.toString(progress.solved()));
        setClassName("exercise-solved", progress.solved());
        if (progress.hintShown() && hint.getChildren().findAny().isEmpty()) {
            hint.add(new Span("Hint: "), new MathProse(markdown.apply(exercise.hint())));
        }
        if (progress.explanationShown() && explanation.getChildren().findAny().isEmpty()) {
            hint.removeAll();
            explanation.add(new H3("Explanation"), new MathProse(markdown.apply(exercise.explanation())));
        }
        String last = progress.lastAnswer();
        if (last != null) {
            if (choices != null && choices.isEmpty()) {
                choices.setValue(Integer.valueOf(last));
            } else if (answer != null && answer.isEmpty()) {
                answer.setValue(last);
            }
        }
    }
}
