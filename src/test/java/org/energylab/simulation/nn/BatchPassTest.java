package org.energylab.simulation.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reused buffers: a training step allocates nothing, a pass agrees with the allocating sweeps,
 * closing frees everything, and the vectorised tanh is accurate.
 */
class BatchPassTest {
    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static long javaBytesAllocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static double[] gaussian(SplittableRandom rng, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = rng.nextGaussian();
        }
        return values;
    }

    /** One step of mean-squared-error training: forward, gradient, backward, update. */
    private static void step(BatchPass pass, double[] targets, Runnable update) {
        double[] prediction = pass.forward();
        double[] gradient = pass.outputGradient();
        for (int i = 0; i < targets.length; i++) {
            gradient[i] = 2 * (prediction[i] - targets[i]) / targets.length;
        }
        pass.backward(false);
        update.run();
    }

    @Test
    void trainingStepsAllocateNothingNativeNorOnTheHeap() throws InterruptedException {
        SplittableRandom rng = new SplittableRandom(1);
        try (Mlp mlp = new Mlp(new int[] {2, 64, 64, 1}, Activation.TANH, Activation.IDENTITY, rng)) {
            BatchPass pass = mlp.pass(256);
            pass.input(gaussian(rng, 512));
            double[] targets = gaussian(rng, 256);
            Adam adam = new Adam(mlp, 1e-3);
            for (int i = 0; i < 2000; i++) {
                step(pass, targets, () -> adam.update(pass));
                step(pass, targets, () -> mlp.descend(pass, 1e-3));
            }
            long nativeBefore = NativeMemory.settled();
            long heapBefore = javaBytesAllocatedByThisThread();
            for (int i = 0; i < 500; i++) {
                step(pass, targets, () -> adam.update(pass));
                step(pass, targets, () -> mlp.descend(pass, 1e-3));
            }
            long heapAllocated = javaBytesAllocatedByThisThread() - heapBefore;
            assertThat(NativeMemory.bytes()).as("native bytes").isLessThanOrEqualTo(nativeBefore);
            // An ND4J operation alone allocates hundreds of bytes of Java objects; a thousand steps
            // of the engine stay under 64 KB in all (what a JIT deoptimisation may cost).
            assertThat(heapAllocated).as("Java heap bytes over 1000 steps").isLessThan(64 * 1024);
        }
    }

    @Test
    void aReusedPassGivesWhatTheAllocatingSweepsGive() {
        SplittableRandom rng = new SplittableRandom(2);
        try (Mlp mlp = new Mlp(new int[] {3, 7, 5, 2}, Activation.TANH, Activation.IDENTITY, rng)) {
            double[] x = gaussian(rng, 12);
            double[] g = gaussian(rng, 8);
            BatchPass pass = mlp.pass(4);
            pass.input(x);
            pass.forward();
            System.arraycopy(g, 0, pass.outputGradient(), 0, g.length);
            pass.backward(true);

            INDArray xs = Nd4j.create(x, new long[] {4, 3}, 'c');
            Mlp.Forward forward = mlp.forward(xs);
            Mlp.Backward backward = mlp.backward(forward, Nd4j.create(g, new long[] {4, 2}, 'c'));
            assertThat(pass.output()).isEqualTo(forward.result());
            assertThat(pass.multipliers()).isEqualTo(backward.multipliers());
            assertThat(pass.inputMultiplier()).isEqualTo(backward.inputMultiplier());
            assertThat(pass.gradients()).isEqualTo(Mlp.gradients(backward));
            // λ_K = −∂C/∂z_K
            assertThat(pass.multiplier(3))
                    .isEqualTo(Nd4j.create(g, new long[] {4, 2}, 'c').neg());
        }
    }

    @Test
    void weightsAreViewsOfTheParameterRow() {
        try (Mlp mlp = new Mlp(new int[] {2, 3, 1}, Activation.TANH, Activation.IDENTITY, new SplittableRandom(3))) {
            mlp.weights().get(1).putScalar(2, 0, 0.25);
            mlp.biases().get(0).putScalar(0, 1, -0.5);
            List<INDArray> parameters = mlp.parameters();
            assertThat(parameters.get(2).getDouble(2, 0)).isEqualTo(0.25);
            assertThat(parameters.get(1).getDouble(0, 1)).isEqualTo(-0.5);
            // and the forward sweep sees them: with x = 0, z_1 = tanh(b_1)
            double[] z = mlp.predict(new double[] {0, 0}, 1);
            double[] w2 = mlp.weights().get(1).dup().data().asDouble();
            double expected = mlp.biases().get(1).getDouble(0, 0);
            double[] b1 = mlp.biases().get(0).dup().data().asDouble();
            for (int j = 0; j < 3; j++) {
                expected += Math.tanh(b1[j]) * w2[j];
            }
            assertThat(z[0]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void closingTheNetworkFreesItsPassesAndRefusesFurtherUse() throws InterruptedException {
        long before = NativeMemory.settled();
        Mlp mlp = new Mlp(new int[] {2, 32, 32, 1}, Activation.RELU, Activation.IDENTITY, new SplittableRandom(4));
        BatchPass pass = mlp.pass(100);
        pass.input(new double[200]);
        pass.forward();
        pass.backward(true);
        mlp.predict(new double[2000], 1000);
        assertThat(NativeMemory.bytes()).isGreaterThan(before + 100 * 32 * 8);

        mlp.close();

        assertThat(NativeMemory.bytes()).isLessThanOrEqualTo(before);
        assertThatThrownBy(pass::forward).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> mlp.predict(new double[2], 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> mlp.pass(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void vectorisedTanhIsWithinAFewUnitsInTheLastPlace() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 100_000;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double magnitude = Math.pow(10, rng.nextDouble(-12, 1.6));
            s[i] = rng.nextBoolean() ? magnitude : -magnitude;
        }
        double[] z = new double[n];
        Tanh.apply(s, new double[n], z, n, new double[n]);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double exact = StrictMath.tanh(s[i]);
            worst = Math.max(worst, Math.abs(z[i] - exact) / Math.ulp(exact));
        }
        assertThat(worst).as("worst error in ulp").isLessThanOrEqualTo(16);

        double[] edges = {0, 19, -19, 25, -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] t = new double[edges.length];
        Tanh.apply(edges, new double[edges.length], t, edges.length, new double[edges.length]);
        assertThat(t).containsExactly(0, 1, -1, 1, -1, 1, -1, Double.NaN);
    }
}
