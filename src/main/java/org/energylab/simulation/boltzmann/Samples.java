package org.energylab.simulation.boltzmann;

/**
 * Running tallies of samples on a domain: a histogram with equal bins, the mean and variance, and
 * the fraction to the right of y = 0. Plain Java over the positions copied out of the chains.
 */
final class Samples {
    private final Domain domain;
    private final long[] counts;
    private final double width;
    /** Moments are summed about a fixed reference point to avoid cancellation in Σy² − (Σy)²/n. */
    private final double reference;

    private long total;
    private long right;
    private double sum;
    private double sumOfSquares;

    Samples(Domain domain, int bins, double reference) {
        this.domain = domain;
        this.counts = new long[bins];
        this.width = domain.length() / bins;
        this.reference = reference;
    }

    void add(double[] ys) {
        int bins = counts.length;
        for (double y : ys) {
            int bin = (int) ((y - domain.min()) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
            double d = y - reference;
            sum += d;
            sumOfSquares += d * d;
            if (y > 0) {
                right++;
            }
        }
        total += ys.length;
    }

    long total() {
        return total;
    }

    double mean() {
        return reference + sum / total;
    }

    /** The variance of the samples, (1/n) Σ (y − ȳ)². */
    double variance() {
        double m = sum / total;
        return Math.max(0, sumOfSquares / total - m * m);
    }

    double fractionRight() {
        return (double) right / total;
    }

    double[] binCentres() {
        double[] centres = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
            centres[b] = domain.min() + (b + 0.5) * width;
        }
        return centres;
    }

    /** The histogram as a density: count / (n · bin width), so that it integrates to 1 like P(y). */
    double[] density() {
        double[] density = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
            density[b] = counts[b] / (total * width);
        }
        return density;
    }

    /** TV = ½ Σ_b |n_b/n − P_b|: half the L1 distance between the histogram and the exact bin probabilities. */
    double totalVariation(double[] binProbabilities) {
        double distance = 0;
        for (int b = 0; b < counts.length; b++) {
            distance += Math.abs((double) counts[b] / total - binProbabilities[b]);
        }
        return distance / 2;
    }
}
