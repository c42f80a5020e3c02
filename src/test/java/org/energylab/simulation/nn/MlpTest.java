package org.energylab.simulation.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The multiplier recursion against central finite differences of the cost, for every activation. */
class MlpTest {
    private static final double H = 1e-6;

    @BeforeAll
    static void nd4j() {
        Nd4jRuntime.ensureStarted();
    }

    /** C = ½ Σ (z_K − y)², so ∂C/∂z_K = z_K − y. */
    private static double cost(Mlp mlp, INDArray x, INDArray y) {
        INDArray r = mlp.predict(x).sub(y);
        return 0.5 * r.mul(r).sumNumber().doubleValue();
    }

    private static INDArray random(SplittableRandom rng, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape(rows, cols);
    }

    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"TANH", "SIGMOID", "RELU"})
    void weightGradientsMatchFiniteDifferences(Activation activation) {
        SplittableRandom rng = new SplittableRandom(3);
        Mlp mlp = new Mlp(new int[] {2, 5, 4, 2}, activation, Activation.IDENTITY, rng);
        INDArray x = random(rng, 7, 2);
        INDArray y = random(rng, 7, 2);
        Mlp.Forward forward = mlp.forward(x);
        Mlp.Backward backward = mlp.backward(forward, forward.result().sub(y));
        List<INDArray> parameters = mlp.parameters();
        List<INDArray> gradients = Mlp.gradients(backward);
        double worst = 0;
        for (int p = 0; p < parameters.size(); p++) {
            INDArray flat = parameters.get(p).reshape(parameters.get(p).length());
            for (int i = 0; i < flat.length(); i++) {
                double original = flat.getDouble(i);
                flat.putScalar(i, original + H);
                double up = cost(mlp, x, y);
                flat.putScalar(i, original - H);
                double down = cost(mlp, x, y);
                flat.putScalar(i, original);
                double numeric = (up - down) / (2 * H);
                double analytic = gradients.get(p).reshape(flat.length()).getDouble(i);
                worst = Math.max(worst, Math.abs(numeric - analytic) / Math.max(1e-3, Math.abs(numeric)));
            }
        }
        assertThat(worst).isLessThan(1e-6);
    }

    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"TANH", "SIGMOID"})
    void inputMultiplierIsMinusTheGradientWithRespectToTheInput(Activation activation) {
        SplittableRandom rng = new SplittableRandom(5);
        Mlp mlp = new Mlp(new int[] {3, 4, 1}, activation, Activation.IDENTITY, rng);
        INDArray x = random(rng, 4, 3);
        INDArray y = random(rng, 4, 1);
        Mlp.Forward forward = mlp.forward(x);
        INDArray lambda0 = mlp.backward(forward, forward.result().sub(y)).inputMultiplier();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double original = x.getDouble(i, j);
                x.putScalar(new int[] {i, j}, original + H);
                double up = cost(mlp, x, y);
                x.putScalar(new int[] {i, j}, original - H);
                double down = cost(mlp, x, y);
                x.putScalar(new int[] {i, j}, original);
                assertThat(lambda0.getDouble(i, j))
                        .isCloseTo(-(up - down) / (2 * H), org.assertj.core.data.Offset.offset(1e-8));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void adamFitsALinearMap() {
        SplittableRandom rng = new SplittableRandom(11);
        Mlp mlp = new Mlp(new int[] {2, 1}, Activation.IDENTITY, Activation.IDENTITY, rng);
        INDArray x = random(rng, 64, 2);
        INDArray y =
                x.mmul(Nd4j.createFromArray(new double[][] {{2.0}, {-3.0}})).addi(0.5);
        Adam adam = new Adam(mlp.parameters(), 0.05);
        for (int step = 0; step < 2000; step++) {
            Mlp.Forward forward = mlp.forward(x);
            adam.update(
                    Mlp.gradients(mlp.backward(forward, forward.result().sub(y).divi(64))));
        }
        assertThat(mlp.weights().get(0).getDouble(0, 0)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(mlp.weights().get(0).getDouble(1, 0)).isCloseTo(-3.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(mlp.biases().get(0).getDouble(0, 0)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-3));
    }
}
