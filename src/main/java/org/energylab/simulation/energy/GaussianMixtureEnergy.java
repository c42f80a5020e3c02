package org.energylab.simulation.energy;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The energy of a mixture of K Gaussians with a common standard deviation σ, E(x) = −log Σₖ πₖ
 * N(x; μₖ, σ²I). It is normalised: at β = 1 its Boltzmann density is the mixture itself (Z = 1), so
 * samples and a trained model can be compared with it exactly. With eight equal components on a
 * circle of radius √2 and σ = 0.1 it is the "8 Gaussians" data set of the diffusion lesson.
 *
 * <p>With the logits Lₖ(x) = log πₖ − |x − μₖ|²/(2σ²) − (d/2) log(2πσ²), E = −logsumexpₖ Lₖ and ∇ₓE =
 * Σₖ rₖ (x − μₖ)/σ² = (x − Σₖ rₖμₖ)/σ², with the responsibilities r = softmax(L). The whole batch is a
 * few matrix operations: |x − μₖ|² = |x|² − 2x·μₖ + |μₖ|² for all points and components at once.
 */
public final class GaussianMixtureEnergy implements Energy {
    private final int dimension;
    private final double std;
    private final double[][] means;
    private final double[] weights;
    /** K × d, one mean per row, and its transpose. */
    private final INDArray meanRows;

    private final INDArray meanColumns;
    /** log πₖ − |μₖ|²/(2σ²) − (d/2) log(2πσ²), as a row. */
    private final INDArray offsets;

    private INDArray logits;
    private INDArray squares;
    private INDArray rowValues;
    /** The same memory as {@link #rowValues}, as an n × 1 column. */
    private INDArray rowValuesColumn;

    private INDArray rowMax;

    /**
     * @param means one row per component, all of the same dimension
     * @param weights positive mixture weights, normalised here to sum to 1
     */
    public GaussianMixtureEnergy(double[][] means, double[] weights, double std) {
        if (means.length == 0 || means.length != weights.length) {
            throw new IllegalArgumentException("a mixture needs one weight per mean, and at least one of each");
        }
        if (!(std > 0)) {
            throw new IllegalArgumentException("the standard deviation must be positive, not " + std);
        }
        dimension = means[0].length;
        this.std = std;
        this.means = new double[means.length][];
        this.weights = new double[weights.length];
        double total = 0;
        for (double w : weights) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("every mixture weight must be positive, not " + w);
            }
            total += w;
        }
        double[] offset = new double[means.length];
        double variance = std * std;
        for (int k = 0; k < means.length; k++) {
            if (means[k].length != dimension) {
                throw new IllegalArgumentException("every mean needs dimension " + dimension);
            }
            this.means[k] = means[k].clone();
            this.weights[k] = weights[k] / total;
            double squaredNorm = 0;
            for (double m : means[k]) {
                squaredNorm += m * m;
            }
            offset[k] = Math.log(this.weights[k])
                    - squaredNorm / (2 * variance)
                    - 0.5 * dimension * Math.log(2 * Math.PI * variance);
        }
        meanRows = Nd4j.createFromArray(this.means);
        meanColumns = meanRows.transpose().dup();
        offsets = Nd4j.createFromArray(offset).reshape(1, means.length);
    }

    /** K equal components evenly spaced on a circle of the given radius in the plane, the first on the x-axis. */
    public static GaussianMixtureEnergy onCircle(int components, double radius, double std) {
        double[][] means = new double[components][];
        double[] weights = new double[components];
        for (int k = 0; k < components; k++) {
            double angle = 2 * Math.PI * k / components;
            means[k] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
            weights[k] = 1;
        }
        return new GaussianMixtureEnergy(means, weights, std);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public int components() {
        return means.length;
    }

    public double[] mean(int component) {
        return means[component].clone();
    }

    public double weight(int component) {
        return weights[component];
    }

    public double std() {
        return std;
    }

    @Override
    public INDArray energy(INDArray x, INDArray out) {
        checkBatch(x);
        INDArray sums = shiftedExponentials(x);
        // E = −(max + log Σ exp(L − max))
        return out.assign(Transforms.log(sums, false).addi(rowMax).negi());
    }

    @Override
    public INDArray gradient(INDArray x, INDArray out) {
        checkBatch(x);
        INDArray sums = shiftedExponentials(x);
        INDArray responsibilities = logits.diviColumnVector(rowValuesColumn);
        // (x − r M)/σ²
        return responsibilities.mmul(meanRows, out).rsubi(x).muli(1 / (std * std));
    }

    /**
     * Fills {@link #logits} with exp(Lₖ − maxₖ L) and returns the row sums Σₖ exp(Lₖ − max) (in {@link
     * #rowValues}); the row maxima are left in {@link #rowMax}.
     */
    private INDArray shiftedExponentials(INDArray x) {
        long n = x.rows();
        if (logits == null || logits.rows() != n || logits.dataType() != x.dataType()) {
            logits = Nd4j.create(x.dataType(), n, means.length);
            squares = x.ulike();
            rowValues = Nd4j.create(x.dataType(), n);
            rowValuesColumn = rowValues.reshape(n, 1);
            rowMax = Nd4j.create(x.dataType(), n);
        }
        double precision = 1 / (std * std);
        // L = (x·μₖ)/σ² − |x|²/(2σ²) + offsetₖ
        x.mmul(meanColumns, logits).muli(precision).addiRowVector(offsets);
        INDArray halfSquaredNorms = squares.assign(x).muli(x).sum(rowValues, 1).muli(0.5 * precision);
        logits.subiColumnVector(halfSquaredNorms);
        Nd4j.getExecutioner().exec(new Max(logits, rowMax, 1));
        logits.subiColumnVector(rowMax);
        Transforms.exp(logits, false);
        return logits.sum(rowValues, 1);
    }
}
