package org.energylab.simulation;

import java.util.List;

/**
 * A simulation a learner configures and runs. Implementations are Spring components: adding one
 * makes it appear in the registry, the API, its own page and the test that runs every simulation.
 * A simulation holds no state between runs and never touches UI types.
 */
public interface Simulation {

    /** What the simulation is: id, title, summary, parameters, and what a run produces. */
    SimulationDescriptor descriptor();

    /** Stable id used in URLs, lesson blocks and the API, e.g. {@code pendulum}. */
    default String id() {
        return descriptor().id();
    }

    default String title() {
        return descriptor().title();
    }

    /** One sentence saying what the simulation shows. */
    default String summary() {
        return descriptor().summary();
    }

    default ParameterSchema schema() {
        return descriptor().schema();
    }

    /** Every series a run can produce, in order; a run may leave some out (the ensemble, say). */
    default List<SeriesSpec> series() {
        return descriptor().series();
    }

    /** The names of the series a run with these parameters produces; by default all of them. */
    default List<String> seriesFor(Parameters parameters) {
        return series().stream().map(SeriesSpec::name).toList();
    }

    /**
     * Every scalar a run can report, in order; a run may leave some out. Exercises may grade only
     * these, and the course check holds them to it.
     */
    default List<ScalarSpec> scalars() {
        return descriptor().scalars();
    }

    /** The charts the panel draws, in order. */
    default List<ChartSpec> charts() {
        return descriptor().charts();
    }

    /** Whether the seed changes the result, so the form should offer it. */
    default boolean usesSeed() {
        return descriptor().usesSeed();
    }

    /**
     * Estimates what a run costs from its parameters; {@link #checkCombination} refuses, through
     * {@link CostBudget}, the runs whose estimate is over the budget.
     */
    default CostModel costModel() {
        return CostModel.NEGLIGIBLE;
    }

    /**
     * Checks combinations of parameters that single ranges cannot express (for example, that the
     * total work stays bounded).
     *
     * @throws InvalidParameterException naming the field to change
     */
    default void checkCombination(Parameters parameters) {}

    /**
     * Runs to completion. Same parameters and seed give identical numbers. Reports progress and
     * polls the cancellation signal at least once per progress step.
     */
    SimulationResult run(RunContext context);
}
