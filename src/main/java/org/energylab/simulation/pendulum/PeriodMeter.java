package org.energylab.simulation.pendulum;

/**
 * Measures the period from the trajectory as it is computed. A swinging pendulum: the mean time
 * between upward crossings of its rest position (θ = 0, or 2πk after it went over the top k
 * times), each crossing interpolated linearly within its step. A pendulum that keeps going over
 * the top: the mean time between passes through the top.
 */
final class PeriodMeter {
    private int crossings;
    private double firstCrossing;
    private double lastCrossing;
    private int topPasses;
    private double firstTop;
    private double lastTop;

    void observe(double t0, double theta0, double t1, double theta1) {
        long turn0 = turn(theta0);
        long turn1 = turn(theta1);
        if (turn0 != turn1) {
            // Passed through the top, θ = (2·turn − 1)π, in either direction.
            double top = (2 * Math.max(turn0, turn1) - 1) * Math.PI;
            double t = t0 + (t1 - t0) * (top - theta0) / (theta1 - theta0);
            if (topPasses++ == 0) {
                firstTop = t;
            }
            lastTop = t;
            crossings = 0; // swings are counted afresh about the new rest position
            return;
        }
        double rest = 2 * Math.PI * turn0;
        double phi0 = theta0 - rest;
        double phi1 = theta1 - rest;
        if (phi0 < 0 && phi1 >= 0) {
            double t = t0 + (t1 - t0) * (-phi0) / (phi1 - phi0);
            if (crossings++ == 0) {
                firstCrossing = t;
            }
            lastCrossing = t;
        }
    }

    /** Which rest position θ = 2π·turn the angle is nearest to. */
    private static long turn(double theta) {
        return (long) Math.floor((theta + Math.PI) / (2 * Math.PI));
    }

    /** Whether the period is a revolution time: too few swings since the last pass over the top. */
    boolean rotating() {
        return crossings < 2 && topPasses >= 2;
    }

    /** The measured period, or NaN when the run holds too few swings and revolutions. */
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
