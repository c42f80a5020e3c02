package org.energylab.simulation.nn;

import java.util.Arrays;
import java.util.List;
import org.energylab.simulation.Choice;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Element-wise activations σ and their derivatives σ', applied to whole arrays. */
public enum Activation {
    TANH("tanh", "tanh") {
        @Override
        public INDArray apply(INDArray s) {
            return Transforms.tanh(s, true);
        }

        @Override
        public INDArray derivative(INDArray s, INDArray a) {
            // 1 − tanh²
            return a.mul(a).rsubi(1.0);
        }
    },
    RELU("relu", "ReLU") {
        @Override
        public INDArray apply(INDArray s) {
            return Transforms.relu(s, true);
        }

        @Override
        public INDArray derivative(INDArray s, INDArray a) {
            return s.gt(0.0).castTo(s.dataType());
        }
    },
    SIGMOID("sigmoid", "sigmoid") {
        @Override
        public INDArray apply(INDArray s) {
            return Transforms.sigmoid(s, true);
        }

        @Override
        public INDArray derivative(INDArray s, INDArray a) {
            // σ(1 − σ)
            return a.rsub(1.0).muli(a);
        }
    },
    IDENTITY("identity", "identity") {
        @Override
        public INDArray apply(INDArray s) {
            return s.dup();
        }

        @Override
        public INDArray derivative(INDArray s, INDArray a) {
            return s.like().assign(1.0);
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

    /** σ(s), a new array. */
    public abstract INDArray apply(INDArray s);

    /** σ'(s), a new array; {@code a} is σ(s), which some derivatives reuse. */
    public abstract INDArray derivative(INDArray s, INDArray a);

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
