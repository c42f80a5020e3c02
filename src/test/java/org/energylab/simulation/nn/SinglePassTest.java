package org.energylab.simulation.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The single-precision sweep for pictures: its tanh, its agreement with the double sweep, its memory. */
class SinglePassTest {
    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    @Test
    void singleTanhIsWithinFourTenMillionthsOfTanhEverywhere() {
        int n = 400_001;
        float[] s = new float[n];
        float[] b = new float[n];
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = (float) (-20 + 40.0 * i / (n - 1));
            b[i] = i % 2 == 0 ? 0f : 0.25f;
        }
        SingleTanh.apply(s, b, z, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(z[i] - Math.tanh((double) s[i] + b[i])));
        }
        assertThat(worst).isLessThan(4e-7);
        // odd, and exactly ±1 far out
        float[] x = {-30f, -1e-3f, 1e-3f, 30f};
        float[] out = new float[4];
        SingleTanh.apply(x, new float[4], out, 4);
        assertThat(out[0]).isEqualTo(-out[3]);
        assertThat(out[1]).isEqualTo(-out[2]);
        assertThat(Math.abs(out[3] - 1f)).isLessThan(1e-6f);
    }

    @Test
    void pictureSweepAgreesWithTheDoubleSweepForEveryActivation() {
        for (Activation hidden : new Activation[] {Activation.TANH, Activation.RELU, Activation.SIGMOID}) {
            SplittableRandom rng = new SplittableRandom(3);
            try (Mlp mlp = new Mlp(new int[] {2, 64, 64, 3}, hidden, Activation.IDENTITY, rng)) {
                int rows = 1000; // several chunks and a partial one
                double[] inputs = new double[2 * rows];
                for (int i = 0; i < inputs.length; i++) {
                    inputs[i] = 4 * rng.nextGaussian();
                }
                double[] exact = mlp.predict(inputs, rows);
                double[] picture = mlp.predictForPicture(inputs, rows);
                double scale = 0;
                for (double v : exact) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < exact.length; i++) {
                    assertThat(Math.abs(picture[i] - exact[i]))
                            .as("%s output %d", hidden, i)
                            .isLessThan(2e-6 * scale);
                }
            }
        }
    }

    @Test
    void pictureSweepFollowsTheParametersAsTheyChange() {
        try (Mlp mlp = new Mlp(new int[] {2, 8, 1}, Activation.TANH, Activation.IDENTITY, new SplittableRandom(4))) {
            double[] point = {0.5, -0.5};
            double before = mlp.predictForPicture(point, 1)[0];
            mlp.biases().get(1).addi(1.0);
            double after = mlp.predictForPicture(point, 1)[0];
            assertThat(after).isCloseTo(before + 1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(after).isCloseTo(mlp.predict(point, 1)[0], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void closingTheNetworkFreesThePictureBuffers() {
        Mlp mlp = new Mlp(new int[] {2, 64, 64, 1}, Activation.TANH, Activation.IDENTITY, new SplittableRandom(5));
        mlp.predictForPicture(new double[2 * 300], 300);
        SinglePass pass = mlp.singlePass();
        // activations of 256 rows and the weights, in floats
        assertThat(pass.nativeBytes()).isEqualTo(4L * (256 * (2 + 64 + 64 + 1) + 2 * 64 + 64 * 64 + 64));
        mlp.close();
        assertThat(pass.nativeBytes()).isZero();
        assertThatThrownBy(() -> mlp.predictForPicture(new double[2], 1)).isInstanceOf(IllegalStateException.class);
    }
}
