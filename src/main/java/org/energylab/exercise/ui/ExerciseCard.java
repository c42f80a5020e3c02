package org.energylab.exercise.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.energylab.base.MathProse;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.Exercise;
import org.energylab.exercise.Grade;
import org.energylab.exercise.NumericExercise;
import org.energylab.exercise.SimulationExercise;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.SimulationResult;

/**
 * One exercise at the end of a lesson: the question, an answer widget, Check, feedback, a hint
 * after a wrong try, and the worked explanation after a correct answer or {@value
 * Exercise#TRIES_BEFORE_EXPLANATION} tries. The state lives in the browser session, so answers
 * survive a reload and moving between lessons.
 */
public class ExerciseCard extends Div {
    private final Exercise exercise;
    private final UnaryOperator<String> markdown;
    private final AttemptState state;
    private final Span feedback = new Span();
    private final Div hint = new Div();
    private final Div explanation = new Div();
    private RadioButtonGroup<Integer> choices;
    private TextField answer;

    /** What a learner has done with one exercise, kept in the session. */
    static final class AttemptState {
        int tries;
        boolean solved;
        String lastAnswer;
        String lastFeedback = "";
    }

    /**
     * @param markdown renders the exercise's Markdown text to HTML
     */
    public ExerciseCard(String lessonId, int number, Exercise exercise, UnaryOperator<String> markdown) {
        this.exercise = exercise;
        this.markdown = markdown;
        this.state = stateFor(lessonId + "/" + exercise.id());
        addClassName("exercise");
        getElement().setAttribute("data-exercise", exercise.id());
        add(new H3("Exercise " + number), new MathProse(markdown.apply(exercise.prompt())));
        add(answerArea());
        feedback.addClassName("exercise-feedback");
        feedback.getElement().setAttribute("role", "status");
        hint.addClassName("exercise-hint");
        explanation.addClassName("exercise-explanation");
        add(feedback, hint, explanation);
        restore();
    }

    public Exercise exercise() {
        return exercise;
    }

    /** Grades a finished run of the simulation this exercise watches. */
    public void gradeRun(String simulation, Parameters parameters, SimulationResult result) {
        if (exercise instanceof SimulationExercise s && s.simulation().equals(simulation) && !state.solved) {
            record(s.grade(parameters.asMap(), result), "run");
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
            Button check = checkButton(() -> record(c.grade(choices.getValue()), String.valueOf(choices.getValue())));
            area.add(choices, check);
        } else if (exercise instanceof NumericExercise n) {
            answer = new TextField("Your answer");
            answer.addClassName("exercise-input");
            if (!n.unit().isEmpty()) {
                answer.setSuffixComponent(new Span(n.unit()));
            }
            Button check = checkButton(() -> record(n.grade(answer.getValue()), answer.getValue()));
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

    private Button checkButton(Runnable action) {
        Button check = new Button("Check", e -> action.run());
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClassName("exercise-check");
        return check;
    }

    private void record(Grade grade, String given) {
        if (!state.solved) {
            state.tries++;
            state.solved = grade.correct();
            state.lastAnswer = given;
            state.lastFeedback = grade.feedback();
        }
        restore();
    }

    private void restore() {
        feedback.setText(state.lastFeedback);
        feedback.getElement().setAttribute("data-correct", Boolean.toString(state.solved));
        setClassName("exercise-solved", state.solved);
        if (state.tries > 0 && !state.solved && hint.getChildren().findAny().isEmpty()) {
            hint.add(new Span("Hint: "), new MathProse(markdown.apply(exercise.hint())));
        }
        boolean showExplanation = state.solved || state.tries >= Exercise.TRIES_BEFORE_EXPLANATION;
        if (showExplanation && explanation.getChildren().findAny().isEmpty()) {
            hint.removeAll();
            explanation.add(new H3("Explanation"), new MathProse(markdown.apply(exercise.explanation())));
        }
        if (state.lastAnswer != null && !state.lastAnswer.equals("run")) {
            if (choices != null && choices.isEmpty() && !state.lastAnswer.equals("null")) {
                choices.setValue(Integer.valueOf(state.lastAnswer));
            } else if (answer != null && answer.isEmpty()) {
                answer.setValue(state.lastAnswer);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static AttemptState stateFor(String key) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return new AttemptState();
        }
        Map<String, AttemptState> all = (Map<String, AttemptState>) session.getAttribute("exercise-attempts");
        if (all == null) {
            all = new HashMap<>();
            session.setAttribute("exercise-attempts", all);
        }
        return all.computeIfAbsent(key, k -> new AttemptState());
    }
}
