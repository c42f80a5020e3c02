package org.energylab.simulation;

/**
 * What one run may cost. The time budget, 30 s, is half the 60 s run time limit: the estimates are
 * of one thread's CPU time, fitted to about ±30 %, and a run's wall-clock time is longer when the
 * two workers, the web server and the garbage collector share two cores. The memory budget, 512
 * MB, is what two workers can hold at once within the native limit of the launch configuration
 * (see {@link NativeMemory}: 2 GB resident in all, of which the heap and the JVM take about 1 GB).
 */
public final class CostBudget {
    public static final double MAX_SECONDS = 30;
    public static final long MAX_BYTES = 512 * Cost.MEGABYTE;

    private CostBudget() {}

    /**
     * Refuses a run whose estimate is over the budget.
     *
     * @param field the parameter to name in the refusal, the one that most often makes a run large
     * @param lower what to lower, in words, e.g. "steps or width"
     * @throws OverBudgetException with a message giving the estimate and the budget
     */
    public static void check(Cost estimate, String field, String lower) {
        if (estimate.seconds() > MAX_SECONDS) {
            throw new OverBudgetException(
                    field,
                    String.format(
                            "This would take about %.0f s, over the %.0f s budget: lower %s",
                            estimate.seconds(), MAX_SECONDS, lower),
                    estimate);
        }
        if (estimate.bytes() > MAX_BYTES) {
            throw new OverBudgetException(
                    field,
                    String.format(
                            "This would need about %.0f MB of memory, over the %d MB budget: lower %s",
                            estimate.megabytes(), MAX_BYTES / Cost.MEGABYTE, lower),
                    estimate);
        }
    }

    /** Checks the estimate of {@code model} for these parameters. */
    public static void check(CostModel model, Parameters parameters, String field, String lower) {
        check(model.estimate(parameters), field, lower);
    }
}
