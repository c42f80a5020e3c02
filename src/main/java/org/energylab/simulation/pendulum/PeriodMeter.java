package org.energylab.simulation.pendulum;

/**
 * Measures the period from the trajectory as it is computed: the mean time between upward zero
 * crossings of θ (linearly interpolated within the step), or, for a pendulum that goes over the
 * top, the mean time between passes through the top.
 */
final class PeriodMeter {
    private int crossings;
    private double firstCrossing;
    private double lastCrossing;
    private int topPasses;
    private double firstTop;
    private double lastTop;

    void observe(double t0, double theta0, double t1, double theta1) {
        if (theta0 < 0 && theta1 >= 0) {
            double t = t0 + (t1 - t0) * (-theta0) / (theta1 - theta0);
            if (crossings++ == 0) {
                firstCrossing = t;
            }
            lastCrossing = t;
        }
        // Passes through the top (θ = π mod 2π), in either direction.
        long turn0 = (long) Math.floor((theta0 + Math.PI) / (2 * Math.PI));
        long turn1 = (long) Math.floor((theta1 + Math.PI) / (2 * Math.PI));
        if (turn0 != turn1) {
            if (topPasses++ == 0) {
                firstTop = t1;
            }
            lastTop = t1;
        }
    }

    /** Whether the pendulum went over the top more than once, so the period is a revolution time. */
    boolean rotating() {
        return crossings < 2 && topPasses >= 2;
    }

    /** The measured period, or NaN when the run holds fewer than two crossings. */
    double period() {
        if (crossings >= 2) {
            return (lastCrossing - firstCrossing) / (crossings - 1);
        }
        if (topPasses >= 2) {
            return (lastTop - firstTop) / (topPasses - 1);
        }
        return Double.NaN;
    }
}
