package org.energylab.simulation.ebmtraining;

import java.util.SplittableRandom;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.training.TrainingStep;

/**
 * One step of training the energy F(y) = ‖g(y)‖², bounded below by 0, on the data term alone, mean
 * F(yᵢ), or with a contrastive term that pushes uniform points up to the margin m:
 *
 * <pre>
 *     L = (1/b) Σᵢ F(yᵢ) [+ (1/b) Σⱼ max(0, m − F(ŷⱼ))²].
 * </pre>
 *
 * Without the second term the cheapest minimum is g ≡ 0, the flat surface at the floor. ∂F/∂g = 2g,
 * so the network's backward sweep starts from 2gᵢ/b at the data and −4 max(0, m − F(ŷⱼ)) gⱼ/b at the
 * negatives.
 */
final class CollapseStep implements TrainingStep {
    static final double MARGIN = 1;

    private final double[] data;
    private final int batch;
    private final boolean contrastive;
    private final Adam adam;
    private final SplittableRandom random;
    private final BatchPass pass;
    private final int outputs;
    private final double[] rows;
    private final double[] batchRows;

    CollapseStep(
            Mlp network,
            int outputs,
            double[] data,
            int batch,
            boolean contrastive,
            double learningRate,
            SplittableRandom random) {
        this.data = data;
        this.batch = batch;
        this.contrastive = contrastive;
        this.outputs = outputs;
        this.adam = new Adam(network, learningRate);
        this.random = random;
        int rowCount = contrastive ? 2 * batch : batch;
        this.pass = network.pass(rowCount);
        this.rows = new double[2 * rowCount];
        this.batchRows = new double[2 * batch];
    }

    @Override
    public double step(long step) {
        Batches.draw(data, batchRows, random);
        System.arraycopy(batchRows, 0, rows, 0, batchRows.length);
        if (contrastive) {
            for (int i = batchRows.length; i < rows.length; i++) {
                rows[i] = PlotDomain.BOX.min() + PlotDomain.BOX.length() * random.nextDouble();
            }
        }
        pass.input(rows);
        double[] g = pass.forward();
        double[] gradient = pass.outputGradient();
        double loss = 0;
        for (int i = 0; i < batch; i++) {
            loss += squaredNorm(g, i);
            for (int k = 0; k < outputs; k++) {
                gradient[i * outputs + k] = 2 * g[i * outputs + k] / batch;
            }
        }
        if (contrastive) {
            for (int j = batch; j < 2 * batch; j++) {
                double shortfall = Math.max(0, MARGIN - squaredNorm(g, j));
                loss += shortfall * shortfall;
                for (int k = 0; k < outputs; k++) {
                    gradient[j * outputs + k] = -4 * shortfall * g[j * outputs + k] / batch;
                }
            }
        }
        pass.backward(false);
        adam.update(pass);
        return loss / batch;
    }

    private double squaredNorm(double[] g, int row) {
        double sum = 0;
        for (int k = 0; k < outputs; k++) {
            double v = g[row * outputs + k];
            sum += v * v;
        }
        return sum;
    }

    /** F = ‖g‖² of each row of a network's outputs, {@code outputs} values per row. */
    static double[] energies(double[] g, int outputs) {
        double[] f = new double[g.length / outputs];
        for (int i = 0; i < f.length; i++) {
            double sum = 0;
            for (int k = 0; k < outputs; k++) {
                sum += g[i * outputs + k] * g[i * outputs + k];
            }
            f[i] = sum;
        }
        return f;
    }
}
