package org.energylab.simulation.latent;

import java.util.Arrays;
import java.util.function.DoubleConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Free energies of a latent-variable energy E(y, k) = ‖y − g_k‖² over a finite set of K codes g_k
 * with a uniform prior, for many points y at once:
 *
 * <pre>
 *   F∞(y) = min_k E(y, k)
 *   F_β(y) = −(1/β) ln( (1/K) Σ_k exp(−β E(y, k)) )
 *          = F∞(y) − (1/β) ln( (1/K) Σ_k exp(−β (E(y, k) − F∞(y))) ),
 * </pre>
 *
 * the second line being the log-sum-exp form that stays finite at any β: every exponent is ≤ 0 and
 * the largest is exactly 0, so the sum lies in [1, K]. The 1/K makes F_β run from the mean of E over
 * the codes (β → 0) down to F∞ (β → ∞).
 *
 * <p>The codes are the decoded latent grid of the ellipse (lesson 4.2); the diffusion simulation of
 * lesson 4.3 uses the scaled data points as codes, since the density of noised data is such a soft
 * minimum.
 *
 * <p>An instance keeps its two (points × codes) work arrays and reuses them from call to call:
 * allocating fresh native memory costs far more than the arithmetic done in it. So use one instance
 * per run, never shared between threads; {@link #setCodes} changes the codes (a decoder being fitted)
 * and keeps the arrays.
 */
public final class FreeEnergy {
    /** Most energies held in memory at once (2 MB per array); larger maps are computed in blocks of rows. */
    static final long BLOCK_ENERGIES = 1L << 18;

    private INDArray g1;
    private INDArray g2;
    private int codes;
    private INDArray first;
    private INDArray second;

    /** @param decoded the codes, {first coordinates, second coordinates} */
    public FreeEnergy(double[][] decoded) {
        setCodes(decoded);
    }

    /** Replaces the codes; the work arrays are kept when the number of codes stays the same. */
    public void setCodes(double[][] decoded) {
        int size = decoded[0].length;
        if (size != codes) {
            first = null;
            second = null;
        }
        this.g1 = Nd4j.createFromArray(decoded[0]).reshape(1, size);
        this.g2 = Nd4j.createFromArray(decoded[1]).reshape(1, size);
        this.codes = size;
    }

    /** F∞, F_β and the best code of each point. */
    public record Evaluation(double[] zeroTemperature, double[] atBeta, long[] argmin) {}

    /** F∞ and F_β on a square grid: {@code values[i][j]} at (axis[j], axis[i]). */
    public record SquareMaps(double[] axis, double[][] zeroTemperature, double[][] atBeta) {}

    public int codes() {
        return codes;
    }

    /**
     * The (points × codes) matrix of energies ‖y − g_k‖², built with whole-array operations in the
     * work arrays: valid until the next call.
     */
    INDArray energies(double[] y1, double[] y2) {
        int n = y1.length;
        if (first == null || first.rows() < n) {
            first = Nd4j.create(DataType.DOUBLE, n, codes);
            second = Nd4j.create(DataType.DOUBLE, n, codes);
        }
        INDArray d1 = rows(first, n).assign(0).addiColumnVector(column(y1)).subiRowVector(g1);
        INDArray d2 = rows(second, n).assign(0).addiColumnVector(column(y2)).subiRowVector(g2);
        return d1.muli(d1).addi(d2.muli(d2));
    }

    private static INDArray rows(INDArray array, int n) {
        return n == array.rows() ? array : array.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
    }

    /** Free energies of the points (y1[i], y2[i]) at inverse temperature β. */
    public Evaluation evaluate(double[] y1, double[] y2, double beta) {
        return evaluate(energies(y1, y2), beta);
    }

    /** Free energies of the rows of a (points × codes) energy matrix, which is overwritten. */
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

    /**
     * F∞ and F_β over the square [−extent, extent]² on a side × side grid, in blocks of whole rows
     * (each block one array computation). After each block, {@code done} gets the fraction of rows
     * finished; it may throw to stop.
     */
    public SquareMaps overSquare(double extent, int side, double beta, DoubleConsumer done) {
        double[] axis = new double[side];
        for (int j = 0; j < side; j++) {
            axis[j] = -extent + 2 * extent * j / (side - 1);
        }
        double[][] zeroTemperature = new double[side][];
        double[][] atBeta = new double[side][];
        int rowsPerBlock = (int) Math.max(1, Math.min(side, BLOCK_ENERGIES / ((long) side * codes)));
        for (int first = 0; first < side; first += rowsPerBlock) {
            int rows = Math.min(rowsPerBlock, side - first);
            double[] y1 = new double[rows * side];
            double[] y2 = new double[rows * side];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < side; j++) {
                    y1[i * side + j] = axis[j];
                    y2[i * side + j] = axis[first + i];
                }
            }
            Evaluation block = evaluate(y1, y2, beta);
            for (int i = 0; i < rows; i++) {
                zeroTemperature[first + i] = Arrays.copyOfRange(block.zeroTemperature(), i * side, (i + 1) * side);
                atBeta[first + i] = Arrays.copyOfRange(block.atBeta(), i * side, (i + 1) * side);
            }
            done.accept((double) (first + rows) / side);
        }
        return new SquareMaps(axis, zeroTemperature, atBeta);
    }

    private static INDArray column(double[] values) {
        return Nd4j.createFromArray(values).reshape(values.length, 1);
    }
}
