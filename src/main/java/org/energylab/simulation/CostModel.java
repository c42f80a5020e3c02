package org.energylab.simulation;

import java.util.List;

/**
 * A simulation's estimate of what a run costs, from its parameters: the run time is a sum of work
 * terms (steps, steps × batch × width², grid points …), each times a constant measured by {@code
 * CostCalibration}, and the memory an explicit count of the bytes of the largest arrays held at
 * once. The constants live in one place per simulation, so they can be measured again after the
 * numerical code changes.
 */
public interface CostModel {

    /** A model for simulations whose every run is cheap: a few milliseconds and a few kilobytes. */
    CostModel NEGLIGIBLE = new CostModel() {
        @Override
        public List<String> terms() {
            return List.of("run");
        }

        @Override
        public double[] work(Parameters parameters) {
            return new double[] {1};
        }

        @Override
        public double[] secondsPerUnit() {
            return new double[] {0.01};
        }

        @Override
        public long bytes(Parameters parameters) {
            return Cost.MEGABYTE;
        }
    };

    /** Names of the work terms, in the order of {@link #work} and {@link #secondsPerUnit}. */
    List<String> terms();

    /** How many units of each term a run with these parameters performs. */
    double[] work(Parameters parameters);

    /** The calibrated constants: seconds per unit of each term, on one thread. */
    double[] secondsPerUnit();

    /** Peak bytes the run holds at once. */
    long bytes(Parameters parameters);

    default Cost estimate(Parameters parameters) {
        double[] work = work(parameters);
        double[] constants = secondsPerUnit();
        if (work.length != constants.length || work.length != terms().size()) {
            throw new IllegalStateException("a cost model needs one constant per work term");
        }
        double seconds = 0;
        for (int i = 0; i < work.length; i++) {
            seconds += work[i] * constants[i];
        }
        return new Cost(seconds, bytes(parameters));
    }
}
