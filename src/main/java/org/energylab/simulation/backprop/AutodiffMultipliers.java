package org.energylab.simulation.backprop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An independent reference for the multipliers: the same network and logistic loss built as a
 * SameDiff graph, differentiated by ND4J's automatic differentiation instead of the hand-written
 * recursion of {@link Mlp#backward}.
 *
 * <p>Each layer output gets a probe, z_k = f_k(z_{k−1}, W_k) + e_k with e_k = 0, so ∂C/∂e_k is
 * ∂C/∂z_k, and the reference multiplier is λ_k = −∂C/∂e_k (the sign convention of {@link Mlp}).
 * Weights and data are placeholders, so one graph serves every checkpoint of a run.
 */
final class AutodiffMultipliers {
    /** SameDiff prints a line to standard output for every op it differentiates; we filter them out. */
    private static final Object STDOUT_LOCK = new Object();

    private final SameDiff graph = SameDiff.create();
    private final List<String> probes = new ArrayList<>();
    private final int layers;

    /**
     * @param sizes layer widths, input first and output last, as for {@link Mlp}
     * @param batch the number of rows of every batch this reference will see
     */
    AutodiffMultipliers(int[] sizes, Activation hidden, int batch) {
        layers = sizes.length - 1;
        SDVariable z = graph.placeHolder("x", DataType.DOUBLE, batch, sizes[0]);
        SDVariable y = graph.placeHolder("y", DataType.DOUBLE, batch, sizes[layers]);
        for (int k = 1; k <= layers; k++) {
            SDVariable w = graph.placeHolder("W" + k, DataType.DOUBLE, sizes[k - 1], sizes[k]);
            SDVariable b = graph.placeHolder("b" + k, DataType.DOUBLE, 1, sizes[k]);
            SDVariable s = z.mmul(w).add(b);
            SDVariable f = k == layers ? s : activate(hidden, s);
            SDVariable probe = graph.var("e" + k, Nd4j.zeros(DataType.DOUBLE, batch, sizes[k]));
            probes.add(probe.name());
            z = f.add(probe);
        }
        // max(z, 0) − yz + log(1 + e^{−|z|}), averaged over the batch
        SDVariable perPoint = graph.nn()
                .relu(z, 0.0)
                .sub(z.mul(y))
                .add(graph.math().log1p(graph.math().exp(graph.math().abs(z).neg())));
        SDVariable cost = perPoint.mean("cost");
        graph.setLossVariables(cost);
        synchronized (STDOUT_LOCK) {
            PrintStream original = System.out;
            System.setOut(new DroppingDifferentiationNotes(original));
            try {
                graph.createGradFunction();
            } finally {
                System.setOut(original);
            }
        }
    }

    private SDVariable activate(Activation activation, SDVariable s) {
        return switch (activation) {
            case TANH -> graph.nn().tanh(s);
            case SIGMOID -> graph.nn().sigmoid(s);
            case RELU -> graph.nn().relu(s, 0.0);
            case IDENTITY -> s;
        };
    }

    /** Passes everything through except SameDiff's "Added differentiated op …" lines. */
    private static final class DroppingDifferentiationNotes extends PrintStream {
        DroppingDifferentiationNotes(PrintStream target) {
            super(target, true);
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith("Added differentiated op")) {
                super.println(line);
            }
        }
    }

    /** λ_1 … λ_K = −∂C/∂z_k for the network's current weights on the batch (x, y). */
    List<INDArray> multipliers(Mlp mlp, INDArray x, INDArray y) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x", x);
        feed.put("y", y);
        for (int k = 1; k <= layers; k++) {
            feed.put("W" + k, mlp.weights().get(k - 1));
            feed.put("b" + k, mlp.biases().get(k - 1));
        }
        Map<String, INDArray> gradients = graph.calculateGradients(feed, probes);
        return probes.stream().map(p -> gradients.get(p).neg()).toList();
    }
}
