package org.energylab.simulation.training;

/**
 * What a simulation records while it trains, called by the {@link TrainingLoop} after each step: curves
 * such as the loss after every step (or every k steps), and at the steps where the run reports, the
 * heavier measurements and heat-map frames that are streamed with the report.
 */
public interface StepObserver {
    /** Records nothing. */
    StepObserver NONE = new StepObserver() {};

    /** After step {@code step} with the loss it returned, a finite one. */
    default void afterStep(long step, double loss) {}

    /**
     * At a step where the run reports, once it is known to go on (not cancelled, not out of time) and
     * before what has been recorded is streamed.
     */
    default void atReport(long step) {}
}
