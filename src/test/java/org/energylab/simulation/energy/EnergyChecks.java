package org.energylab.simulation.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks every {@link Energy} must pass, shared by the tests of the energies in several packages. */
public final class EnergyChecks {
    private EnergyChecks() {}

    /** n points with coordinates uniform in [−scale, scale]. */
    public static double[][] randomPoints(int n, int dimension, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[n][dimension];
        for (double[] point : points) {
            for (int j = 0; j < dimension; j++) {
                point[j] = scale * (2 * random.nextDouble() - 1);
            }
        }
        return points;
    }

    /**
     * The batched gradient against central differences of the batched energy, coordinate by coordinate:
     * with step h the difference quotient is accurate to about h²|E'''|/6 + ε|E|/h.
     */
    public static void gradientMatchesFiniteDifferences(Energy energy, double[][] points, double h, double tolerance) {
        INDArray x = Nd4j.createFromArray(points);
        double[][] gradient = energy.gradient(x).toDoubleMatrix();
        for (int j = 0; j < energy.dimension(); j++) {
            INDArray plus = x.dup();
            INDArray minus = x.dup();
            plus.getColumn(j).addi(h);
            minus.getColumn(j).subi(h);
            double[] ePlus = energy.energy(plus).toDoubleVector();
            double[] eMinus = energy.energy(minus).toDoubleVector();
            for (int i = 0; i < points.length; i++) {
                double numeric = (ePlus[i] - eMinus[i]) / (2 * h);
                assertThat(gradient[i][j])
                        .as("∂E/∂x%d at point %d", j, i)
                        .isCloseTo(numeric, within(tolerance * Math.max(1, Math.abs(numeric))));
            }
        }
        // Evaluating leaves the points untouched.
        assertThat(x.toDoubleMatrix()).isDeepEqualTo(points);
    }

    /** The batched energies against a formula evaluated point by point. */
    public static void energiesMatch(
            Energy energy, double[][] points, java.util.function.ToDoubleFunction<double[]> formula, double tolerance) {
        double[] energies = energy.energy(Nd4j.createFromArray(points)).toDoubleVector();
        assertThat(energies).hasSize(points.length);
        for (int i = 0; i < points.length; i++) {
            double expected = formula.applyAsDouble(points[i]);
            assertThat(energies[i])
                    .as("E at point %d", i)
                    .isCloseTo(expected, within(tolerance * Math.max(1, Math.abs(expected))));
        }
    }
}
