package org.energylab.simulation.data;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A distribution of unlabelled points in the plane that a lesson draws its data from, chosen by a
 * stable id. All the ways of drawing n points below draw them one after another with {@link
 * #sample(SplittableRandom, double[])}, so the same random stream gives the same points whichever
 * layout is asked for.
 */
public interface PointDistribution {

    /** The stable id of a choice parameter. */
    String id();

    /** The label shown beside the choice. */
    String label();

    /** Writes one sample into {@code point} (of length 2). */
    void sample(SplittableRandom random, double[] point);

    /** n samples, one row {x₁, x₂} per point. */
    default double[][] rows(int n, SplittableRandom random) {
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new double[2];
            sample(random, points[i]);
        }
        return points;
    }

    /** n samples as {first coordinates, second coordinates}. */
    default double[][] columns(int n, SplittableRandom random) {
        double[][] samples = new double[2][n];
        double[] point = new double[2];
        for (int i = 0; i < n; i++) {
            sample(random, point);
            samples[0][i] = point[0];
            samples[1][i] = point[1];
        }
        return samples;
    }

    /** n samples as an n × 2 array, one point per row. */
    default INDArray matrix(int n, SplittableRandom random) {
        return Nd4j.createFromArray(rows(n, random));
    }
}
