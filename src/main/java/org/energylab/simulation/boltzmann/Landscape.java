package org.energylab.simulation.boltzmann;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.energylab.simulation.Choice;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A one-dimensional energy landscape E(y), evaluated on single values and, for whole grids and
 * whole sets of chains, on ND4J arrays in place (no temporary arrays, a few native calls each).
 * Every landscape here is a polynomial; on the finite domain of a simulation every polynomial is
 * bounded, so Z = ∫ exp(−βE) dy always exists.
 */
sealed interface Landscape {

    double energy(double y);

    double gradient(double y);

    /** Writes E(y) into {@code out} (same shape as y, not y itself) and returns it. */
    INDArray energy(INDArray y, INDArray out);

    /** Writes dE/dy into {@code out} (same shape as y, not y itself) and returns it. */
    INDArray gradient(INDArray y, INDArray out);

    default INDArray energy(INDArray y) {
        return energy(y, y.ulike());
    }

    default INDArray gradient(INDArray y) {
        return gradient(y, y.ulike());
    }

    /** E(y) = ½ k y². */
    record Harmonic(double k) implements Landscape {
        @Override
        public double energy(double y) {
            return 0.5 * k * y * y;
        }

        @Override
        public double gradient(double y) {
            return k * y;
        }

        @Override
        public INDArray energy(INDArray y, INDArray out) {
            return y.mul(y, out).muli(0.5 * k);
        }

        @Override
        public INDArray gradient(INDArray y, INDArray out) {
            return y.mul(k, out);
        }
    }

    /** E(y) = a (y² − 1)² + b y: two wells at y ≈ ±1 with a barrier of height a between them, tilted by b. */
    record DoubleWell(double a, double b) implements Landscape {
        @Override
        public double energy(double y) {
            double s = y * y - 1;
            return a * s * s + b * y;
        }

        @Override
        public double gradient(double y) {
            return 4 * a * y * (y * y - 1) + b;
        }

        @Override
        public INDArray energy(INDArray y, INDArray out) {
            y.mul(y, out).subi(1);
            out.muli(out).muli(a);
            if (b != 0) {
                Nd4j.getBlasWrapper().level1().axpy(y.length(), b, y, out);
            }
            return out;
        }

        @Override
        public INDArray gradient(INDArray y, INDArray out) {
            y.mul(y, out).subi(1).muli(y).muli(4 * a);
            return b == 0 ? out : out.addi(b);
        }
    }

    /** E(y) = c₀ + c₁y + … + c₆y⁶, evaluated by Horner's rule. */
    record Polynomial(double[] coefficients) implements Landscape {
        public Polynomial {
            int degree = coefficients.length - 1;
            while (degree > 0 && coefficients[degree] == 0) {
                degree--;
            }
            coefficients = Arrays.copyOf(coefficients, degree + 1);
        }

        double[] derivativeCoefficients() {
            if (coefficients.length == 1) {
                return new double[] {0};
            }
            double[] d = new double[coefficients.length - 1];
            for (int i = 1; i < coefficients.length; i++) {
                d[i - 1] = i * coefficients[i];
            }
            return d;
        }

        @Override
        public double energy(double y) {
            return horner(coefficients, y);
        }

        @Override
        public double gradient(double y) {
            return horner(derivativeCoefficients(), y);
        }

        @Override
        public INDArray energy(INDArray y, INDArray out) {
            return horner(coefficients, y, out);
        }

        @Override
        public INDArray gradient(INDArray y, INDArray out) {
            return horner(derivativeCoefficients(), y, out);
        }

        private static double horner(double[] c, double y) {
            double value = c[c.length - 1];
            for (int i = c.length - 2; i >= 0; i--) {
                value = value * y + c[i];
            }
            return value;
        }

        private static INDArray horner(double[] c, INDArray y, INDArray out) {
            out.assign(c[c.length - 1]);
            for (int i = c.length - 2; i >= 0; i--) {
                out.muli(y);
                if (c[i] != 0) {
                    out.addi(c[i]);
                }
            }
            return out;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Polynomial p && Arrays.equals(p.coefficients, coefficients);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(coefficients);
        }

        @Override
        public String toString() {
            return "Polynomial" + Arrays.toString(coefficients);
        }
    }

    // ------------------------------------------------------------------ parameters

    /** Highest power of y a custom polynomial may have. */
    int CUSTOM_DEGREE = 6;

    /** The default custom polynomial: y²(y² − 2)² = y⁶ − 4y⁴ + 4y², three wells of equal depth at 0 and ±√2. */
    double[] DEFAULT_CUSTOM = {0, 0, 4, 0, -4, 0, 1};

    static List<Choice> choices() {
        return List.of(
                new Choice("harmonic", "Harmonic ½ky²"),
                new Choice("double-well", "Double well a(y² − 1)²"),
                new Choice("tilted-double-well", "Tilted double well a(y² − 1)² + by"),
                new Choice("custom", "Custom polynomial c₀ + c₁y + … + c₆y⁶"));
    }

    /** The parameters that choose and shape a landscape, shared by every simulation of this package. */
    static List<ParameterSpec> parameters(String defaultLandscape) {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(
                ParameterSpec.choice("landscape", "Energy landscape", defaultLandscape, choices(), "The energy E(y)"));
        specs.add(ParameterSpec.number("k", "Stiffness k", "", 0.01, 100, 1, "Harmonic E = ½ky²")
                .withLogScale()
                .activeWhen("landscape", "harmonic"));
        specs.add(ParameterSpec.number(
                        "a", "Barrier height a", "", 0.01, 100, 1, "Double wells: a(y² − 1)² has a barrier a at y = 0")
                .withLogScale());
        specs.add(ParameterSpec.number("b", "Tilt b", "", -10, 10, 0.5, "Tilted double well: adds b·y")
                .activeWhen("landscape", "tilted-double-well"));
        String[] powers = {"", "y", "y²", "y³", "y⁴", "y⁵", "y⁶"};
        String[] subscripts = {"₀", "₁", "₂", "₃", "₄", "₅", "₆"};
        for (int i = 0; i <= CUSTOM_DEGREE; i++) {
            specs.add(ParameterSpec.number(
                            "c" + i,
                            "Coefficient c" + subscripts[i],
                            "",
                            -10,
                            10,
                            DEFAULT_CUSTOM[i],
                            i == 0
                                    ? "Custom polynomial: constant term"
                                    : "Custom polynomial: coefficient of " + powers[i])
                    .activeWhen("landscape", "custom"));
        }
        return specs;
    }

    static Landscape from(Parameters p) {
        return switch (p.choice("landscape")) {
            case "harmonic" -> new Harmonic(p.number("k"));
            case "double-well" -> new DoubleWell(p.number("a"), 0);
            case "tilted-double-well" -> new DoubleWell(p.number("a"), p.number("b"));
            case "custom" -> {
                double[] c = new double[CUSTOM_DEGREE + 1];
                for (int i = 0; i <= CUSTOM_DEGREE; i++) {
                    c[i] = p.number("c" + i);
                }
                yield new Polynomial(c);
            }
            default -> throw new IllegalArgumentException("Unknown landscape " + p.choice("landscape"));
        };
    }
}
