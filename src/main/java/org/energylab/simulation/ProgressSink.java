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
}
