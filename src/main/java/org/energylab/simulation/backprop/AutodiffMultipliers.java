package org.energylab.simulation.backprop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.autodiff.samediff.ArrayHolder;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.config.SDValue;
import org.nd4j.autodiff.samediff.config.SDValueType;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;
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
final class AutodiffMultipliers implements AutoCloseable {
    /** SameDiff prints a line to standard output for every op it differentiates; we filter them out. */
    private static final Object STDOUT_LOCK = new Object();

    private final SameDiff graph = SameDiff.create();
    private final List<String> probes = new ArrayList<>();
    private final List<INDArray> probeValues = new ArrayList<>();
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
            INDArray zero = Nd4j.zeros(DataType.DOUBLE, batch, sizes[k]);
            probeValues.add(zero);
            SDVariable probe = graph.var("e" + k, zero);
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

    /**
     * λ_1 … λ_K = −∂C/∂z_k for the network's current weights on the batch (x, y), as new arrays that
     * the caller may close.
     */
    List<INDArray> multipliers(Mlp mlp, INDArray x, INDArray y) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x", x);
        feed.put("y", y);
        for (int k = 1; k <= layers; k++) {
            feed.put("W" + k, mlp.weights().get(k - 1));
            feed.put("b" + k, mlp.biases().get(k - 1));
        }
        Map<String, INDArray> gradients = graph.calculateGradients(feed, probes);
        List<INDArray> multipliers = new ArrayList<>();
        for (String probe : probes) {
            multipliers.add(gradients.get(probe).neg());
        }
        releaseIntermediates(feed.values());
        return multipliers;
    }

    /**
     * SameDiff leaves the arrays of a run in its sessions for the garbage collector, about twenty
     * batch-sized arrays a call. Closes those it does not keep: not the feed, not the graphs' own
     * variables and constants, not what its array cache holds for reuse.
     */
    private void releaseIntermediates(Collection<INDArray> feed) {
        Set<INDArray> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(feed);
        List<SameDiff> graphs = graphs();
        for (SameDiff sameDiff : graphs) {
            for (ArrayHolder holder : List.of(sameDiff.getVariablesArrays(), sameDiff.getConstantArrays())) {
                holder.arrayNames().forEach(name -> kept.add(holder.getArray(name)));
            }
            for (InferenceSession session : sameDiff.getSessions().values()) {
                if (session.getMmgr() instanceof ArrayCacheMemoryMgr cache) {
                    cache.getArrays().values().forEach(kept::addAll);
                    kept.addAll(cache.getLruCacheValues().values());
                }
            }
        }
        for (SameDiff sameDiff : graphs) {
            for (InferenceSession session : sameDiff.getSessions().values()) {
                for (SDValue value : session.getNodeValueOutputs().values()) {
                    INDArray array = value.getSdValueType() == SDValueType.TENSOR ? value.getTensorValue() : null;
                    if (array != null && !array.isView() && !array.wasClosed() && !kept.contains(array)) {
                        array.close();
                    }
                }
                session.getNodeValueOutputs().clear();
            }
        }
    }

    private List<SameDiff> graphs() {
        SameDiff gradientGraph = graph.getFunction("grad");
        return gradientGraph == null ? List.of(graph) : List.of(graph, gradientGraph);
    }

    /**
     * Frees the graphs' native memory now rather than at the next garbage collection: their
     * variables and constants (the probes among them) and the arrays each session keeps for reuse.
     * The graphs cannot be used afterwards.
     */
    @Override
    public void close() {
        releaseIntermediates(List.of());
        for (SameDiff sameDiff : graphs()) {
            closeSessions(sameDiff);
            for (ArrayHolder holder : List.of(sameDiff.getVariablesArrays(), sameDiff.getConstantArrays())) {
                for (String name : holder.arrayNames()) {
                    INDArray array = holder.getArray(name);
                    if (!array.isView() && !array.wasClosed()) {
                        array.close();
                    }
                }
            }
        }
        probeValues.forEach(p -> {
            if (!p.wasClosed()) {
                p.close();
            }
        });
    }

    private static void closeSessions(SameDiff sameDiff) {
        sameDiff.getSessions().values().forEach(session -> session.getMmgr().close());
        sameDiff.getSessions().clear();
    }
}
