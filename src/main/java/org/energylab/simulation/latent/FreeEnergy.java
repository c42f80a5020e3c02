package org.energylab.simulation.latent;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Free energies of a latent-variable energy E(y, z) = ‖y − g(z)‖² over a finite latent grid with a
 * uniform prior, for many points y at once. With K codes,
 *
 * <pre>
 *   F∞(y) = min_k E(y, z_k)
 *   F_β(y) = −(1/β) ln( (1/K) Σ_k exp(−β E(y, z_k)) )
 *          = F∞(y) − (1/β) ln( (1/K) Σ_k exp(−β (E(y, z_k) − F∞(y))) ),
 * </pre>
 *
 * the second line being the log-sum-exp form that stays finite at any β: every exponent is ≤ 0 and
 * the largest is exactly 0, so the sum lies in [1, K]. The 1/K makes F_β run from the mean of E over
 * the codes (β → 0) down to F∞ (β → ∞).
 */
final class FreeEnergy {
    private final INDArray g1;
    private final INDArray g2;
    private final int codes;

    /** @param decoded the decoded codes, {first coordinates, second coordinates} */
    FreeEnergy(double[][] decoded) {
        this.g1 = Nd4j.createFromArray(decoded[0]).reshape(1, decoded[0].length);
        this.g2 = Nd4j.createFromArray(decoded[1]).reshape(1, decoded[1].length);
        this.codes = decoded[0].length;
    }

    /** F∞, F_β and the best code of each point. */
    record Evaluation(double[] zeroTemperature, double[] atBeta, long[] argmin) {}

    int codes() {
        return codes;
    }

    /** The (points × codes) matrix of energies ‖y − g(z_k)‖², built with whole-array operations. */
    INDArray energies(double[] y1, double[] y2) {
        int n = y1.length;
        INDArray first = Nd4j.zeros(n, codes).addiColumnVector(column(y1)).subiRowVector(g1);
        INDArray second = Nd4j.zeros(n, codes).addiColumnVector(column(y2)).subiRowVector(g2);
        return first.muli(first).addi(second.muli(second));
    }

    /** Free energies of the points (y1[i], y2[i]) at inverse temperature β. */
    Evaluation evaluate(double[] y1, double[] y2, double beta) {
        return evaluate(energies(y1, y2), beta);
    }

    /** Free energies of the rows of a (points × codes) energy matrix; the matrix is overwritten. */
    static Evaluation evaluate(INDArray energies, double beta) {
        int codes = (int) energies.size(1);
        INDArray min = energies.min(1);
        long[] argmin = Nd4j.argMin(energies, 1).toLongVector();
        // exp(−β (E − min)), summed over the codes: a sum in [1, K] whatever β is.
        INDArray weights = Transforms.exp(energies.subiColumnVector(min).muli(-beta), false);
        INDArray logMean = Transforms.log(weights.sum(1).divi(codes), false);
        INDArray atBeta = logMean.muli(-1 / beta).addi(min);
        return new Evaluation(min.toDoubleVector(), atBeta.toDoubleVector(), argmin);
    }

    private static INDArray column(double[] values) {
        return Nd4j.createFromArray(values).reshape(values.length, 1);
    }
}
