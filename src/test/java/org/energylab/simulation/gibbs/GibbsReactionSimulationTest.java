package org.energylab.simulation.gibbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.CancellationSignal;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.ProgressSink;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.Series;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Gibbs reaction simulation against values computed here from scratch: T* = 1000·ΔH°/ΔS°,
 * ΔG° = ΔH° − TΔS°/1000 and K = exp(−1000·ΔG°/(RT)) with R = N_A·k_B from the exact SI constants,
 * and rounded textbook numbers typed in by hand (T* ≈ 1111, 464 and 370 K). Forgetting the factor
 * 1000 between kJ and J is the classic mistake, so several checks would fail by orders of magnitude
 * if it were dropped or applied twice.
 */
class GibbsReactionSimulationTest {
    private static final GibbsReactionSimulation SIM = new GibbsReactionSimulation();

    /** R = N_A·k_B, both exact in the 2019 SI: 8.31446261815324 J/(mol·K). */
    private static final double R = 6.02214076e23 * 1.380649e-23;

    private static Map<String, Object> raw(Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return raw;
    }

    private static Parameters params(Object... keyValues) {
        Parameters p = SIM.schema().validate(raw(keyValues));
        SIM.checkCombination(p);
        return p;
    }

    private static SimulationResult run(Object... keyValues) {
        return SIM.run(RunContext.of(params(keyValues), 0));
    }

    private static SimulationResult custom(double deltaH, double deltaS, Object... more) {
        List<Object> all = new ArrayList<>(List.of("preset", "custom", "deltaH", deltaH, "deltaS", deltaS));
        all.addAll(List.of(more));
        return run(all.toArray());
    }

    /** ΔG° in kJ/mol from ΔH° in kJ/mol and ΔS° in J/(mol·K). */
    private static double deltaG(double deltaH, double deltaS, double t) {
        return deltaH - t * deltaS / 1000;
    }

    private static double crossover(SimulationResult result) {
        Scalar scalar = result.scalar("crossoverTemperature");
        assertThat(scalar.available()).as("T* available: %s", scalar.note()).isTrue();
        return scalar.value();
    }

    // ---------------------------------------------------------------- crossover temperature

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limestone, 178.3, 160.5, 1111", "ammonia, -92.2, -198.7, 464", "water, 44.0, 118.8, 370"})
    void presetCrossoverIsDeltaHOverDeltaSInKelvin(String preset, double deltaH, double deltaS, double rounded) {
        double t = crossover(run("preset", preset));
        // Textbook values to 1 K (1110.90, 464.02, 370.37 K) ...
        assertThat(t).isCloseTo(rounded, within(1.0));
        // ... and exactly the conversion of kJ to J done here.
        assertThat(t).isCloseTo(deltaH * 1000 / deltaS, within(1e-9));
    }

    @Test
    void customValuesAreConvertedFromKilojoules() {
        // ΔH° = 10 kJ/mol, ΔS° = 20 J/(mol·K): T* = 10 000 / 20 = 500 K. Dropping the factor 1000
        // would give 0.5 K, applying it to ΔS° as well 5e5 K; ΔG°(298.15) = 10 − 5.963 = 4.037 kJ/mol,
        // against −5953 kJ/mol with ΔS° taken as kJ.
        SimulationResult result = custom(10, 20);
        assertThat(crossover(result)).isCloseTo(500, within(1e-9));
        assertThat(result.scalar("deltaG298").value()).isCloseTo(4.037, within(1e-9));
        assertThat(result.scalar("deltaG298").unit()).isEqualTo("kJ/mol");
        assertThat(result.scalar("crossoverTemperature").unit()).isEqualTo("K");
        // ΔG° on the chart is in kJ/mol too: at 200 K it is 10 − 200·20/1000 = 6 kJ/mol.
        Series g = result.series("deltaG");
        assertThat(g.xs()[0]).isEqualTo(200);
        assertThat(g.ys()[0]).isCloseTo(6, within(1e-12));
    }

    @Test
    void customValuesOnlyCountForTheCustomPreset() {
        SimulationResult preset = run("preset", "limestone", "deltaH", -300.0, "deltaS", 50.0);
        assertThat(crossover(preset)).isCloseTo(178.3 * 1000 / 160.5, within(1e-9));
    }

    @Test
    void theSpontaneousSideIsNamed() {
        assertThat(run("preset", "limestone").scalar("crossoverTemperature").note())
                .startsWith("Spontaneous above T*");
        assertThat(run("preset", "ammonia").scalar("crossoverTemperature").note())
                .startsWith("Spontaneous below T*");
    }

    @ParameterizedTest(name = "ΔH° = {0}, ΔS° = {1}")
    @CsvSource({
        "-50, 100, spontaneous at every temperature",
        "50, -100, never spontaneous",
        "-50, 0, spontaneous at every temperature",
        "50, 0, never spontaneous",
        "0, 100, spontaneous at every temperature",
        "0, -100, never spontaneous",
        "0, 0, at equilibrium"
    })
    void oneSignAtEveryTemperatureHasNoCrossover(double deltaH, double deltaS, String expected) {
        Scalar scalar = custom(deltaH, deltaS).scalar("crossoverTemperature");
        assertThat(scalar.available()).isFalse();
        assertThat(scalar.value()).isNull();
        assertThat(scalar.unit()).isEqualTo("K");
        assertThat(scalar.note()).startsWith("No crossover").contains(expected);
    }

    @Test
    void oppositeSignsGiveASeriesThatNeverChangesSign() {
        double[] favoured =
                custom(-50, 100, "tMin", 1.0, "tMax", 5000.0).series("deltaG").ys();
        double[] opposed =
                custom(50, -100, "tMin", 1.0, "tMax", 5000.0).series("deltaG").ys();
        for (int i = 0; i < favoured.length; i++) {
            assertThat(favoured[i]).isNegative();
            assertThat(opposed[i]).isPositive();
        }
    }

    @Test
    void aCrossoverOutsideTheRangeIsStillGivenWithANote() {
        Scalar above = run("preset", "limestone", "tMin", 200.0, "tMax", 1000.0).scalar("crossoverTemperature");
        assertThat(above.value()).isCloseTo(1110.9, within(0.1));
        assertThat(above.note()).contains("above the chosen range 200–1000 K");

        Scalar below = run("preset", "water", "tMin", 400.0, "tMax", 800.0).scalar("crossoverTemperature");
        assertThat(below.value()).isCloseTo(370.4, within(0.1));
        assertThat(below.note()).contains("below the chosen range 400–800 K");

        assertThat(run("preset", "water").scalar("crossoverTemperature").note()).doesNotContain("range");
    }

    // ---------------------------------------------------------------- ΔG°

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limestone, 178.3, 160.5, 130.45", "ammonia, -92.2, -198.7, -32.96", "water, 44.0, 118.8, 8.58"})
    void deltaG298MatchesTheTables(String preset, double deltaH, double deltaS, double rounded) {
        Scalar scalar = run("preset", preset).scalar("deltaG298");
        assertThat(scalar.value()).isCloseTo(rounded, within(0.005));
        assertThat(scalar.value()).isCloseTo(deltaG(deltaH, deltaS, 298.15), within(1e-9));
        assertThat(scalar.note()).contains(rounded < 0 ? "Negative" : "Positive");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limestone, 178.3, 160.5", "ammonia, -92.2, -198.7", "water, 44.0, 118.8"})
    void deltaGSeriesIsDeltaHMinusTDeltaSOnAnEvenGrid(String preset, double deltaH, double deltaS) {
        Series g = run("preset", preset, "tMin", 100.0, "tMax", 2100.0).series("deltaG");
        assertThat(g.xs()).hasSize(GibbsReactionSimulation.POINTS);
        for (int i = 0; i < g.xs().length; i++) {
            double t = 100 + 4.0 * i; // (2100 − 100)/500 = 4 K apart
            assertThat(g.xs()[i]).isCloseTo(t, within(1e-9));
            assertThat(g.ys()[i]).isCloseTo(deltaG(deltaH, deltaS, t), within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limestone", "ammonia", "water"})
    void deltaGChangesSignAtTheCrossover(String preset) {
        SimulationResult result = run("preset", preset, "tMin", 200.0, "tMax", 1500.0);
        double crossover = crossover(result);
        Series g = result.series("deltaG");
        boolean aboveIsNegative = result.scalar("crossoverTemperature").note().startsWith("Spontaneous above");
        int changes = 0;
        for (int i = 0; i < g.xs().length; i++) {
            double t = g.xs()[i];
            double y = g.ys()[i];
            if (Math.abs(t - crossover) < 1e-6) {
                continue;
            }
            boolean negative = y < 0;
            assertThat(negative).as("sign of ΔG° at %s K", t).isEqualTo(t > crossover == aboveIsNegative);
            if (i > 0 && (g.ys()[i - 1] < 0) != negative) {
                changes++;
                // Linear interpolation between the two grid points straddling the sign change lands on T*
                // (ΔG° is linear in T, so it is exact up to rounding).
                double t0 = g.xs()[i - 1];
                double y0 = g.ys()[i - 1];
                double zero = t0 - y0 * (t - t0) / (y - y0);
                assertThat(zero).isCloseTo(crossover, within(1e-6));
            }
        }
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void spontaneousSeriesShadesExactlyWhereDeltaGIsNegative() {
        for (String preset : new String[] {"limestone", "ammonia"}) {
            SimulationResult result = run("preset", preset);
            Series g = result.series("deltaG");
            Series shaded = result.series("spontaneous");
            assertThat(shaded.xs()).containsExactly(g.xs());
            int count = 0;
            for (int i = 0; i < g.ys().length; i++) {
                if (g.ys()[i] < 0) {
                    assertThat(shaded.ys()[i]).isEqualTo(g.ys()[i]);
                    count++;
                } else {
                    assertThat(shaded.ys()[i]).isNaN();
                }
            }
            // Defaults 200–1500 K, 2.6 K apart: CaCO₃ is spontaneous above 1110.9 K (150 points),
            // ammonia below 464.0 K (102 points).
            assertThat(count).isEqualTo(preset.equals("limestone") ? 150 : 102);
        }
    }

    // ---------------------------------------------------------------- K

    @ParameterizedTest(name = "{0} at {1} K")
    @CsvSource({
        "limestone, 1000, 0.11756",
        "limestone, 1500, 149.506",
        "ammonia, 500, 0.179085",
        "ammonia, 1000, 2.7360e-6",
        "water, 1000, 8073.74",
    })
    void equilibriumConstantIsExpOfMinusDeltaGOverRT(String preset, double t, double rounded) {
        // The grid 500–1500 K is 2 K apart: 500, 1000 and 1500 K are on it.
        SimulationResult result = run("preset", preset, "tMin", 500.0, "tMax", 1500.0);
        Reaction reaction = GibbsReactionSimulation.reaction(params("preset", preset));
        double expected = Math.exp(-1000 * deltaG(reaction.enthalpy(), reaction.entropy(), t) / (R * t));
        int i = (int) Math.round((t - 500) / 2);
        Series k = result.series("equilibriumConstant");
        assertThat(k.xs()[i]).isCloseTo(t, within(1e-9));
        assertThat(k.ys()[i]).isCloseTo(expected, within(1e-9 * expected));
        assertThat(k.ys()[i]).isCloseTo(rounded, within(1e-4 * rounded));
        assertThat(result.series("lnEquilibriumConstant").ys()[i]).isCloseTo(Math.log(expected), within(1e-9));
    }

    @Test
    void waterAtRoomTemperatureHasKNearItsVapourPressureInBar() {
        // K = p(H₂O)/p° for evaporation: exp(−8579.78/(R·298.15)) = 0.0314, close to the measured
        // vapour pressure of water at 25 °C, 0.0317 bar.
        SimulationResult result = run("preset", "water", "tMin", 298.15, "tMax", 398.15);
        assertThat(result.series("equilibriumConstant").ys()[0]).isCloseTo(0.0314, within(0.0001));
        // At the crossover K = 1: p = 1 bar near the boiling point, 370.4 K instead of 373.1 K.
        assertThat(crossover(result)).isBetween(369.0, 373.2);
    }

    @Test
    void equilibriumConstantIsOneAtTheCrossover() {
        // 150–1150 K with ΔH° = 65 kJ/mol and ΔS° = 100 J/(mol·K): T* = 650 K, on the grid (index 250).
        SimulationResult result = custom(65, 100, "tMin", 150.0, "tMax", 1150.0);
        Series k = result.series("equilibriumConstant");
        assertThat(k.xs()[250]).isCloseTo(650, within(1e-9));
        assertThat(k.ys()[250]).isCloseTo(1, within(1e-12));
        assertThat(result.series("lnEquilibriumConstant").ys()[250]).isCloseTo(0, within(1e-12));
        assertThat(k.ys()[249]).isLessThan(1); // entropy-driven: K grows through 1 at T*
        assertThat(k.ys()[251]).isGreaterThan(1);
    }

    /**
     * ΔH° = −500 kJ/mol and ΔS° = −1000 J/(mol·K) from 1 K: ln K = 500 000/(RT) − 1000/R is about
     * 60 000 at 1 K, far beyond a double (ln of the largest double is 709.8). K must then be a gap,
     * never an infinity, while ln K stays finite everywhere.
     */
    @Test
    void overflowingKBecomesAGapWhileLnKStaysFinite() {
        SimulationResult result = custom(-500, -1000, "tMin", 1.0, "tMax", 5000.0);
        double[] ts = result.series("equilibriumConstant").xs();
        double[] k = result.series("equilibriumConstant").ys();
        double[] lnK = result.series("lnEquilibriumConstant").ys();
        int gaps = 0;
        for (int i = 0; i < k.length; i++) {
            double expected = 500_000 / (R * ts[i]) - 1000 / R;
            assertThat(lnK[i]).isFinite().isCloseTo(expected, within(1e-9 * Math.abs(expected) + 1e-9));
            if (Double.isNaN(k[i])) {
                gaps++;
                assertThat(Math.abs(lnK[i])).isGreaterThan(708);
            } else {
                assertThat(k[i]).isFinite().isPositive();
                assertThat(Math.log(k[i])).isCloseTo(lnK[i], within(1e-9 * Math.abs(lnK[i]) + 1e-12));
            }
        }
        // ln K > 709.8 for T < 500 000/(R(709.8 + 120.27)) = 72.4 K: the first 8 points of the grid, 10.0 K apart.
        assertThat(gaps).isEqualTo(8);
        assertThat(k[k.length - 1]).isFinite();
    }

    @Test
    void underflowingKBecomesAGapToo() {
        // ΔH° = +500 kJ/mol, ΔS° = −1000 J/(mol·K): ln K = −500 000/(RT) − 120.3 underflows below about 72 K.
        double[] k = custom(500, -1000, "tMin", 1.0, "tMax", 5000.0)
                .series("equilibriumConstant")
                .ys();
        assertThat(k[0]).isNaN();
        for (double value : k) {
            assertThat(Double.isNaN(value) || (value > 0 && Double.isFinite(value)))
                    .isTrue();
        }
        assertThat(k[k.length - 1]).isPositive();
    }

    // ---------------------------------------------------------------- parameters and run

    @Test
    void theRangeMustGoUpwards() {
        Parameters equal = SIM.schema().validate(raw("tMin", 500.0, "tMax", 500.0));
        assertThatThrownBy(() -> SIM.checkCombination(equal))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("must be above")
                .extracting(e -> ((InvalidParameterException) e).field())
                .isEqualTo("tMax");
        Parameters reversed = SIM.schema().validate(raw("tMin", 900.0, "tMax", 300.0));
        assertThatThrownBy(() -> SIM.checkCombination(reversed)).isInstanceOf(InvalidParameterException.class);
        assertThatCode(() -> SIM.checkCombination(SIM.schema().defaults())).doesNotThrowAnyException();
    }

    @Test
    void customValuesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> params("preset", "custom", "deltaH", 600.0))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("kJ/mol");
        assertThatThrownBy(() -> params("preset", "custom", "deltaS", -1500.0))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> params("tMin", 0.0)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aRunReportsAboutAHundredProgressStepsAndPollsCancellation() {
        List<Double> fractions = new ArrayList<>();
        int[] polls = {0};
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(double fraction) {
                fractions.add(fraction);
            }

            @Override
            public void append(String series, double[] x, double[] y) {}
        };
        CancellationSignal signal = () -> polls[0]++;
        SIM.run(new RunContext(SIM.schema().defaults(), 0, sink, signal));
        assertThat(fractions).hasSize(101).isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(polls[0]).isEqualTo(101);
    }
}
