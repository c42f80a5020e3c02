package org.energylab.exercise;

import java.util.List;

/** Pick one of several answers; {@code answer} is the zero-based index of the right one. */
public record ChoiceExercise(
        String id, String prompt, List<String> choices, int answer, String hint, String explanation)
        implements Exercise {

    public ChoiceExercise {
        choices = List.copyOf(choices);
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer must be the index of one of the " + choices.size() + " choices");
        }
    }

    public Grade grade(Integer selected) {
        if (selected == null) {
            return Grade.wrong("Pick an answer first.");
        }
        return selected == answer ? Grade.right("Correct.") : Grade.wrong("Not quite.");
    }
}
