package org.energylab.simulation;

/** Everything a run gets: validated parameters, a seed, where to report progress, and when to stop. */
public record RunContext(Parameters parameters, long seed, ProgressSink progress, CancellationSignal cancellation) {

    /** A context for running synchronously, without progress or cancellation (tests, benchmarks). */
    public static RunContext of(Parameters parameters, long seed) {
        return new RunContext(parameters, seed, ProgressSink.NONE, CancellationSignal.NEVER);
    }
}
