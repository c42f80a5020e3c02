package org.energylab.lesson;

import java.util.Map;

/** A piece of a lesson's body: prose, or a simulation embedded at that point. */
public sealed interface LessonBlock {

    /** Rendered prose; math is left in {@code .math} elements for KaTeX. */
    record Prose(String html) implements LessonBlock {}

    /**
     * A {@code ```reveal} block: rendered prose kept folded until the learner opens it, for the
     * numbers a "try this" box asks the learner to predict before running.
     */
    record Reveal(String html) implements LessonBlock {}

    /** A {@code ```sim id} block, with parameter overrides already checked against the schema. */
    record SimulationBlock(String simulation, Map<String, Object> overrides, int line) implements LessonBlock {
        public SimulationBlock {
            overrides = Map.copyOf(overrides);
        }
    }
}
