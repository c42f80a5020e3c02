package org.energylab.exercise;

/**
 * An auto-graded exercise from a lesson's front matter. Text fields are Markdown with math; the
 * page renders them.
 */
public sealed interface Exercise permits ChoiceExercise, NumericExercise, SimulationExercise {
    /** Tries after which the worked explanation is shown even without a correct answer. */
    int TRIES_BEFORE_EXPLANATION = 3;

    String id();

    String prompt();

    String hint();

    String explanation();
}
