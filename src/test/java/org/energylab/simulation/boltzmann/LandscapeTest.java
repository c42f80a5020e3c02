package org.energylab.simulation.boltzmann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.energylab.simulation.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The energy landscapes on arrays against the same formulas on doubles, and Simpson's rule against exact integrals. */
class LandscapeTest {

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    static List<Landscape> landscapes() {
        return List.of(
                new Landscape.Harmonic(2.5),
                new Landscape.DoubleWell(1.5, 0),
                new Landscape.DoubleWell(0.7, -0.4),
                new Landscape.Polynomial(Landscape.DEFAULT_CUSTOM),
                new Landscape.Polynomial(new double[] {1, -2, 0.5, 0.3, -0.2, 0.1, 0.05}),
                new Landscape.Polynomial(new double[] {3}));
    }

    private static final double[] POINTS = {-3, -1.7, -1, -0.25, 0, 0.4, 1, 2.2, 3};

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void arraysGiveTheSameValuesAsSinglePoints(Landscape landscape) {
        INDArray y = Nd4j.createFromArray(POINTS);
        double[] energy = landscape.energy(y).toDoubleVector();
        double[] gradient = landscape.gradient(y).toDoubleVector();
        for (int i = 0; i < POINTS.length; i++) {
            assertThat(energy[i]).isCloseTo(landscape.energy(POINTS[i]), within(1e-12));
            assertThat(gradient[i]).isCloseTo(landscape.gradient(POINTS[i]), within(1e-12));
        }
        // Evaluating into an array leaves y untouched.
        assertThat(y.toDoubleVector()).containsExactly(POINTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void theGradientIsTheDerivativeOfTheEnergy(Landscape landscape) {
        // Central differences with h = 1e-5 are accurate to about h² |E'''| + ε|E|/h ≈ 1e-8 here.
        double h = 1e-5;
        for (double y : POINTS) {
            double numeric = (landscape.energy(y + h) - landscape.energy(y - h)) / (2 * h);
            assertThat(landscape.gradient(y)).as("E'(%s)", y).isCloseTo(numeric, within(1e-6));
        }
    }

    @Test
    void theBuiltInLandscapesHaveTheirTextbookShapes() {
        Landscape wells = new Landscape.DoubleWell(2, 0);
        assertThat(wells.energy(1)).isZero();
        assertThat(wells.energy(-1)).isZero();
        assertThat(wells.energy(0)).isEqualTo(2); // the barrier height is a
        assertThat(wells.gradient(1)).isZero();
        assertThat(new Landscape.DoubleWell(2, 0.5).energy(1)).isEqualTo(0.5);
        assertThat(new Landscape.Harmonic(3).energy(2)).isEqualTo(6);
        // The default custom polynomial y²(y² − 2)² has three wells of zero energy.
        Landscape custom = new Landscape.Polynomial(Landscape.DEFAULT_CUSTOM);
        for (double y : new double[] {0, Math.sqrt(2), -Math.sqrt(2)}) {
            assertThat(custom.energy(y)).isCloseTo(0, within(1e-14));
            assertThat(custom.gradient(y)).isCloseTo(0, within(1e-13));
        }
    }

    /**
     * Lesson 2.2's tilted double well (y² − 1)² + y/2: the three stationary points found here by
     * bisection on the gradient. The barrier's top is at 1.03; its height is 1.55 above the deep well
     * and 0.55 above the shallow one.
     */
    @Test
    void theTiltedDoubleWellsBarrierIsOneAndAHalfAboveTheDeepWellAndAHalfAboveTheShallowOne() {
        Landscape tilted = new Landscape.DoubleWell(1, 0.5);
        double deep = stationaryPoint(tilted, -2, -0.5);
        double top = stationaryPoint(tilted, -0.5, 0.5);
        double shallow = stationaryPoint(tilted, 0.5, 2);
        assertThat(deep).isCloseTo(-1.057, within(1e-3));
        assertThat(top).isCloseTo(0.127, within(1e-3));
        assertThat(shallow).isCloseTo(0.930, within(1e-3));
        assertThat(tilted.energy(top)).isCloseTo(1.03, within(0.005));
        assertThat(tilted.energy(top) - tilted.energy(deep)).isCloseTo(1.55, within(0.005));
        assertThat(tilted.energy(top) - tilted.energy(shallow)).isCloseTo(0.55, within(0.005));
    }

    private static double stationaryPoint(Landscape landscape, double low, double high) {
        for (int i = 0; i < 100; i++) {
            double middle = (low + high) / 2;
            if (Math.signum(landscape.gradient(low)) == Math.signum(landscape.gradient(middle))) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    @Test
    void aPolynomialWithTheSameCoefficientsIsTheSameLandscape() {
        // a(y² − 1)² + by = a − 2ay² + ay⁴ + by.
        double a = 1.3;
        double b = -0.6;
        Landscape builtIn = new Landscape.DoubleWell(a, b);
        Landscape custom = new Landscape.Polynomial(new double[] {a, b, -2 * a, 0, a, 0, 0});
        for (double y : POINTS) {
            assertThat(custom.energy(y)).isCloseTo(builtIn.energy(y), within(1e-12));
            assertThat(custom.gradient(y)).isCloseTo(builtIn.gradient(y), within(1e-12));
        }
        assertThat(((Landscape.Polynomial) custom).coefficients()).hasSize(5); // trailing zeros dropped
    }

    @ParameterizedTest(name = "{0} points")
    @ValueSource(ints = {4, 5, 6, 7, 10, 11, 101, 1000})
    void simpsonIsExactForCubics(int n) {
        // Both the 1/3 and the 3/8 rule integrate polynomials up to degree 3 exactly.
        double a = -1.2;
        double b = 2.3;
        double h = (b - a) / (n - 1);
        double[] w = Simpson.weights(n, h);
        DoubleUnaryOperator cubic = y -> 1 - 2 * y + 3 * y * y - 0.5 * y * y * y;
        DoubleUnaryOperator antiderivative = y -> y - y * y + y * y * y - 0.125 * y * y * y * y;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i] * cubic.applyAsDouble(a + i * h);
        }
        double exact = antiderivative.applyAsDouble(b) - antiderivative.applyAsDouble(a);
        assertThat(sum).isCloseTo(exact, within(1e-12 * Math.abs(exact)));
    }

    @ParameterizedTest(name = "{0} intervals, then three times as many")
    @ValueSource(ints = {20, 21})
    void simpsonConvergesAtFourthOrder(int intervals) {
        // ∫₀^π sin = 2. Tripling the number of intervals keeps its parity (the 1/3 rule alone, or with
        // the 3/8 rule at the end) and must divide the error by about 3⁴: a slope of 4 on a log–log plot.
        double coarse = Math.abs(simpsonOfSine(intervals + 1) - 2);
        double fine = Math.abs(simpsonOfSine(3 * intervals + 1) - 2);
        assertThat(Math.log(coarse / fine) / Math.log(3)).isBetween(3.8, 4.2);
    }

    private static double simpsonOfSine(int n) {
        double h = Math.PI / (n - 1);
        double[] w = Simpson.weights(n, h);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i] * Math.sin(i * h);
        }
        return sum;
    }
}
