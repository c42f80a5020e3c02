package org.energylab.simulation.causal;

import java.util.List;
import java.util.SplittableRandom;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Parameters;

/**
 * The linear structural model of lesson 6.1, with a latent z that causes both x and y:
 *
 * <pre>
 *   z ~ N(0, σ_z²),   x = a·z + ε_x,   y = c·x + b·z + ε_y,   ε_x ~ N(0, σ_x²), ε_y ~ N(0, σ_y²).
 * </pre>
 *
 * The causal effect of x on y is c. Regressing y on x alone gives Cov(x, y)/Var(x) = c + a·b·σ_z²/(a²σ_z²
 * + σ_x²): the confounding bias is the second term. Under the intervention do(x) the arrow z → x is
 * cut: x is set from outside, here drawn from N(0, Var(x)) independently of z, so that the data
 * under intervention spread over the same range as the observed ones.
 */
record LinearConfounder(double a, double b, double c, double sigmaZ, double sigmaX, double sigmaY) {

    /** Most units a run may draw: every estimate is one pass of running sums over them. */
    static final int MAX_SAMPLES = 100_000;

    /** The parameters of the model, shared by the simulations of lessons 6.1 and 6.2. */
    static List<ParameterSpec> parameterSpecs() {
        return List.of(
                ParameterSpec.number("a", "Strength a of z → x", "", -3, 3, 1, "x = a·z + ε_x"),
                ParameterSpec.number("b", "Strength b of z → y", "", -3, 3, 1, "y = c·x + b·z + ε_y"),
                ParameterSpec.number(
                        "c", "Causal effect c of x → y", "", -3, 3, 0.5, "What an intervention on x measures"),
                ParameterSpec.number("sigmaZ", "Spread σ_z of the latent z", "", 0.05, 3, 1, "z ~ N(0, σ_z²)"),
                ParameterSpec.number("sigmaX", "Noise σ_x of x", "", 0.05, 3, 1, "Standard deviation of ε_x"),
                ParameterSpec.number("sigmaY", "Noise σ_y of y", "", 0.01, 3, 0.5, "Standard deviation of ε_y"),
                ParameterSpec.integer("samples", "Samples n", "", 10, MAX_SAMPLES, 500, "Number of units observed"));
    }

    static LinearConfounder of(Parameters p) {
        return new LinearConfounder(
                p.number("a"),
                p.number("b"),
                p.number("c"),
                p.number("sigmaZ"),
                p.number("sigmaX"),
                p.number("sigmaY"));
    }

    /** Var(x) = a²σ_z² + σ_x², the same whether x is observed or set by do(x). */
    double xVariance() {
        return a * a * sigmaZ * sigmaZ + sigmaX * sigmaX;
    }

    /** The confounding bias of the naive slope: a·b·σ_z²/(a²σ_z² + σ_x²). */
    double bias() {
        return a * b * sigmaZ * sigmaZ / xVariance();
    }

    /** What regressing y on x converges to: c + a·b·σ_z²/(a²σ_z² + σ_x²). */
    double naiveSlope() {
        return c + bias();
    }

    /**
     * n units, each seen twice: as observed, and under do(x) with the same z and ε_y but an x drawn
     * independently of z. The only difference between the two data sets is how x was set.
     */
    Units draw(int n, SplittableRandom random) {
        Units units = new Units(new double[n], new double[n], new double[n], new double[n], new double[n]);
        double spread = Math.sqrt(xVariance());
        for (int i = 0; i < n; i++) {
            double z = sigmaZ * random.nextGaussian();
            double x = a * z + sigmaX * random.nextGaussian();
            double noiseY = sigmaY * random.nextGaussian();
            double xSet = spread * random.nextGaussian();
            units.z[i] = z;
            units.x[i] = x;
            units.y[i] = c * x + b * z + noiseY;
            units.xDo[i] = xSet;
            units.yDo[i] = c * xSet + b * z + noiseY;
        }
        return units;
    }

    /** The drawn units: z, the observed (x, y), and (x, y) under do(x). */
    record Units(double[] z, double[] x, double[] y, double[] xDo, double[] yDo) {
        int size() {
            return z.length;
        }
    }
}
