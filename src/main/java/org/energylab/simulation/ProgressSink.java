package org.energylab.simulation;

/**
 * Where a running simulation reports. Calls come from the worker thread; implementations decide how
 * often to pass them on (the browser panel throttles to about ten updates a second).
 */
public interface ProgressSink {
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void progress(double fraction) {}

        @Override
        public void append(String series, double[] x, double[] y) {}
    };

    /** The fraction of the run done, from 0 to 1. */
    void progress(double fraction);

    /** New points of a named series, in order, since the last call for that series. */
    void append(String series, double[] x, double[] y);

    /**
     * A named grid as it stands now, while the run goes on (an energy surface after a training step):
     * a preview a chart may draw before the result arrives, which replaces it. Each call supersedes
     * the last for that name.
     */
    default void grid(String name, Grid grid) {}
}
