package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The per-run budget, and every simulation's cost model against it. No timing here: see CostCalibration. */
class CostModelTest {
    private static final List<Simulation> SIMULATIONS = SimulationClasses.instantiateAll();

    static List<Simulation> simulations() {
        return SIMULATIONS;
    }

    private static Simulation simulation(String id) {
        return SIMULATIONS.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertRefused(String id, Map<String, Object> overrides, String field) {
        Simulation simulation = simulation(id);
        Parameters parameters = simulation.schema().validate(overrides);
        assertThatThrownBy(() -> simulation.checkCombination(parameters))
                .isInstanceOfSatisfying(OverBudgetException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.estimate().seconds()).isGreaterThan(CostBudget.MAX_SECONDS);
                })
                .hasMessageContaining("over the 30 s budget")
                .hasMessageContaining("lower");
    }

    private static Cost assertAccepted(String id, Map<String, Object> overrides) {
        Simulation simulation = simulation(id);
        Parameters parameters = simulation.schema().validate(overrides);
        assertThatCode(() -> simulation.checkCombination(parameters)).doesNotThrowAnyException();
        return simulation.costModel().estimate(parameters);
    }

    /**
     * On the allocating network code these configurations took 42.7 s and 30–42 s, and had to be
     * refused; the network engine runs them in about 0.5 s and 7 s, and the model, fitted to it, lets
     * them through with room to spare.
     */
    @Test
    void theNetworkRunsThatOnceRanOutOfTimeNowFitTheBudget() {
        Cost adam = assertAccepted(
                "backprop-lagrangian",
                Map.of("depth", 4, "width", 64, "samples", 50, "batchSize", 1, "optimiser", "adam", "steps", 4427));
        Cost embedding = assertAccepted(
                "joint-embedding", Map.of("points", 2000, "steps", 3000, "batchSize", 256, "width", 64, "depth", 3));

        assertThat(adam.seconds()).isBetween(0.1, CostBudget.MAX_SECONDS / 4);
        assertThat(embedding.seconds()).isBetween(1.0, CostBudget.MAX_SECONDS / 2);
    }

    @Test
    void refusesFullBatchTrainingOfTheLargestNetworkForTenThousandSteps() {
        // 2000 points × 10 000 steps through 4 layers of 64: about two minutes on the engine.
        assertRefused(
                "backprop-lagrangian",
                Map.of("depth", 4, "width", 64, "samples", 2000, "batchSize", 2000, "steps", 10_000),
                "steps");
    }

    @Test
    void refusesAPendulumEnsembleOfTwoMillionSteps() {
        assertRefused("pendulum", Map.of("ensemble", 25, "duration", 200.0, "dt", 1e-4), "ensemble");
    }

    @ParameterizedTest
    @MethodSource("simulations")
    void acceptsTheDefaults(Simulation simulation) {
        Parameters defaults = simulation.schema().defaults();
        assertThatCode(() -> simulation.checkCombination(defaults)).doesNotThrowAnyException();
        Cost estimate = simulation.costModel().estimate(defaults);
        assertThat(estimate.seconds()).isPositive().isLessThan(CostBudget.MAX_SECONDS);
        assertThat(estimate.bytes()).isPositive().isLessThan(CostBudget.MAX_BYTES);
    }

    @ParameterizedTest
    @MethodSource("simulations")
    void namesEveryTermOnce(Simulation simulation) {
        CostModel model = simulation.costModel();
        Parameters defaults = simulation.schema().defaults();
        assertThat(model.terms()).doesNotHaveDuplicates();
        assertThat(model.work(defaults)).hasSameSizeAs(model.terms());
        assertThat(model.secondsPerUnit()).hasSameSizeAs(model.terms());
    }

    @Test
    void aBudgetRefusalGivesTheEstimateTheBudgetAndWhatToLower() {
        assertThatThrownBy(() -> CostBudget.check(new Cost(85.2, Cost.MEGABYTE), "steps", "the steps or the width"))
                .isInstanceOfSatisfying(
                        OverBudgetException.class, e -> assertThat(e.field()).isEqualTo("steps"))
                .hasMessage("This would take about 85 s, over the 30 s budget: lower the steps or the width");
        assertThatThrownBy(() -> CostBudget.check(new Cost(1, 900 * Cost.MEGABYTE), "gridSize", "the grid"))
                .isInstanceOfSatisfying(
                        OverBudgetException.class, e -> assertThat(e.field()).isEqualTo("gridSize"))
                .hasMessage("This would need about 900 MB of memory, over the 512 MB budget: lower the grid");
        assertThatCode(() -> CostBudget.check(new Cost(29.9, 511 * Cost.MEGABYTE), "steps", "the steps"))
                .doesNotThrowAnyException();
    }

    @Test
    void theBudgetLeavesAMarginBelowTheRunTimeLimit() {
        RunLimits defaults = new RunLimits(null, null, null, null, null, null);
        assertThat(CostBudget.MAX_SECONDS)
                .isLessThanOrEqualTo(0.5 * defaults.timeLimit().toSeconds());
    }
}
