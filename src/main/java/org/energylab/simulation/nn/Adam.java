package org.energylab.simulation.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam (Kingma and Ba, 2015) over a list of parameter arrays, updated in place. */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final List<INDArray> parameters;
    private final List<INDArray> firstMoments = new ArrayList<>();
    private final List<INDArray> secondMoments = new ArrayList<>();
    private final double learningRate;
    private int step;

    public Adam(List<INDArray> parameters, double learningRate) {
        this.parameters = parameters;
        this.learningRate = learningRate;
        for (INDArray p : parameters) {
            firstMoments.add(p.like());
            secondMoments.add(p.like());
        }
    }

    /** One update with gradients in the order of the parameters. */
    public void update(List<INDArray> gradients) {
        step++;
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < parameters.size(); i++) {
            INDArray g = gradients.get(i);
            INDArray m = firstMoments.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            INDArray v = secondMoments.get(i).muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
            INDArray denominator = Transforms.sqrt(v.div(correction2), false).addi(EPSILON);
            parameters.get(i).subi(m.div(correction1).divi(denominator).muli(learningRate));
        }
    }
}
