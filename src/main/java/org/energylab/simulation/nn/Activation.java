package org.energylab.simulation.nn;

import java.util.Arrays;
import java.util.List;
import org.energylab.simulation.Choice;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element-wise activations σ, and the step of the backward sweep through them: the multiplier λ of
 * a layer's output becomes λ ⊙ σ'(s) before it meets the weights.
 *
 * <p>The kernels work in place on Java arrays in plain loops, which the JIT compiles to vector
 * instructions; one ND4J operation costs more in call overhead than these loops take on a lesson's
 * batch. Every derivative is read from the output z = σ(s) alone (ReLU: z > 0 exactly where s > 0),
 * so a backward sweep needs only the outputs the forward sweep kept.
 */
public enum Activation {
    TANH("tanh", "tanh") {
        @Override
        void apply(double[] s, double[] b, double[] z, int count, double[] scratch) {
            Tanh.apply(s, b, z, count, scratch);
        }

        @Override
        void apply(float[] s, float[] b, float[] z, int count) {
            SingleTanh.apply(s, b, z, count);
        }

        @Override
        void carry(double[] lambda, double[] z, double[] carried, int count) {
            // λ (1 − tanh²)
            for (int i = 0; i < count; i++) {
                carried[i] = lambda[i] * (1.0 - z[i] * z[i]);
            }
        }
    },
    RELU("relu", "ReLU") {
        @Override
        void apply(double[] s, double[] b, double[] z, int count, double[] scratch) {
            for (int i = 0; i < count; i++) {
                double v = s[i] + b[i];
                z[i] = v > 0.0 ? v : 0.0;
            }
        }

        @Override
        void apply(float[] s, float[] b, float[] z, int count) {
            for (int i = 0; i < count; i++) {
                float v = s[i] + b[i];
                z[i] = v > 0f ? v : 0f;
            }
        }

        @Override
        void carry(double[] lambda, double[] z, double[] carried, int count) {
            // λ times the indicator of s > 0, as a product so that an overflowed λ still shows as NaN
            for (int i = 0; i < count; i++) {
                carried[i] = lambda[i] * (z[i] > 0.0 ? 1.0 : 0.0);
            }
        }
    },
    SIGMOID("sigmoid", "sigmoid") {
        @Override
        void apply(double[] s, double[] b, double[] z, int count, double[] scratch) {
            for (int i = 0; i < count; i++) {
                z[i] = 1.0 / (1.0 + Math.exp(-(s[i] + b[i])));
            }
        }

        @Override
        void apply(float[] s, float[] b, float[] z, int count) {
            for (int i = 0; i < count; i++) {
                z[i] = (float) (1.0 / (1.0 + Math.exp(-(s[i] + b[i]))));
            }
        }

        @Override
        void carry(double[] lambda, double[] z, double[] carried, int count) {
            // λ σ(1 − σ)
            for (int i = 0; i < count; i++) {
                carried[i] = lambda[i] * ((1.0 - z[i]) * z[i]);
            }
        }
    },
    IDENTITY("identity", "identity") {
        @Override
        void apply(double[] s, double[] b, double[] z, int count, double[] scratch) {
            for (int i = 0; i < count; i++) {
                z[i] = s[i] + b[i];
            }
        }

        @Override
        void apply(float[] s, float[] b, float[] z, int count) {
            for (int i = 0; i < count; i++) {
                z[i] = s[i] + b[i];
            }
        }

        @Override
        void carry(double[] lambda, double[] z, double[] carried, int count) {
            if (carried != lambda) {
                System.arraycopy(lambda, 0, carried, 0, count);
            }
        }
    };

    private final String id;
    private final String label;

    Activation(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /**
     * z_i = σ(s_i + b_i), the bias and the activation in one sweep, for the first {@code count}
     * values, with b the bias repeated on every row ({@link #tile}); {@code scratch} holds at least
     * {@code count} values of working space (only tanh uses it).
     */
    abstract void apply(double[] s, double[] b, double[] z, int count, double[] scratch);

    /** {@link #apply(double[], double[], double[], int, double[])} in single precision, for pictures of a network. */
    abstract void apply(float[] s, float[] b, float[] z, int count);

    /**
     * The bias of {@code width} units repeated over the first {@code count} values of {@code target},
     * by doubling copies: a flat loop over s + b vectorises where a loop over a row's units does not.
     */
    static void tile(double[] bias, int width, double[] target, int count) {
        int filled = Math.min(width, count);
        System.arraycopy(bias, 0, target, 0, filled);
        while (filled < count) {
            int length = Math.min(filled, count - filled);
            System.arraycopy(target, 0, target, filled, length);
            filled += length;
        }
    }

    /** carried_i = λ_i σ'(s_i), with σ'(s) read from z = σ(s); {@code carried} may be {@code lambda}. */
    abstract void carry(double[] lambda, double[] z, double[] carried, int count);

    /** σ(s) as a new array of the same shape. */
    public INDArray apply(INDArray s) {
        double[] values = s.dup('c').data().asDouble();
        double[] out = new double[values.length];
        apply(values, new double[values.length], out, values.length, new double[values.length]);
        return Nd4j.create(out, s.shape(), 'c');
    }

    public static Activation byId(String id) {
        return Arrays.stream(values())
                .filter(a -> a.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown activation " + id));
    }

    /** The activations a learner can pick for hidden layers. */
    public static List<Choice> hiddenChoices() {
        return List.of(TANH, RELU, SIGMOID).stream()
                .map(a -> new Choice(a.id, a.label))
                .toList();
    }
}
