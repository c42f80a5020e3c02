package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link Simulation}, checked for every simulation class found on the classpath: a new
 * simulation is covered without touching this test.
 */
class AllSimulationsTest {
    private static final long SEED = 42;

    static Stream<Arguments> simulations() {
        return SimulationClasses.instantiateAll().stream().map(s -> Arguments.of(Named.of(s.id(), s)));
    }

    @BeforeAll
    static void startNd4j() {
        // The runner starts ND4J before any run; simulations may rely on it.
        Nd4jRuntime.ensureStarted();
    }

    /** Records what a run streams, to compare it with what it returns. */
    private static final class Recording implements ProgressSink {
        final Map<String, List<double[][]>> chunks = new LinkedHashMap<>();
        final List<Double> fractions = new ArrayList<>();

        @Override
        public void progress(double fraction) {
            fractions.add(fraction);
        }

        @Override
        public void append(String series, double[] x, double[] y) {
            chunks.computeIfAbsent(series, s -> new ArrayList<>()).add(new double[][] {x.clone(), y.clone()});
        }

        double[] joined(String series, int index) {
            return chunks.getOrDefault(series, List.of()).stream()
                    .flatMapToDouble(c -> DoubleStream.of(c[index]))
                    .toArray();
        }
    }

    private static SimulationResult runDefaults(Simulation simulation, ProgressSink sink) {
        Parameters defaults = SimulationRegistry.validate(simulation, Map.of());
        return simulation.run(new RunContext(defaults, SEED, sink, CancellationSignal.NEVER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simulations")
    void declarationsAreConsistent(Simulation simulation) {
        assertThat(simulation.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(simulation.title()).isNotBlank();
        assertThat(simulation.summary()).isNotBlank();
        assertThat(simulation.schema().parameters()).isNotEmpty();
        assertThat(simulation.schema().parameters())
                .extracting(ParameterSpec::name)
                .doesNotHaveDuplicates();

        List<String> declared =
                simulation.series().stream().map(SeriesSpec::name).toList();
        assertThat(declared).as("series of %s", simulation.id()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(simulation.charts()).as("charts of %s", simulation.id()).isNotEmpty();
        for (ChartSpec chart : simulation.charts()) {
            assertThat(chart.title()).isNotBlank();
            assertThat(chart.series())
                    .as("series drawn by chart \"%s\" of %s", chart.title(), simulation.id())
                    .isNotEmpty()
                    .isSubsetOf(declared);
        }
        assertThat(simulation.scalars())
                .as("scalars of %s", simulation.id())
                .isNotEmpty()
                .extracting(ScalarSpec::name)
                .doesNotHaveDuplicates();
        for (ParameterSpec p : simulation.schema().parameters()) {
            if (p.activeWhen() != null) {
                assertThat(simulation.schema().find(p.activeWhen().parameter()))
                        .as("%s is active when %s", p.name(), p.activeWhen())
                        .hasValueSatisfying(other -> assertThat(other.choices())
                                .extracting(Choice::value)
                                .contains(p.activeWhen().value()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simulations")
    void runsWithDefaultsAndReturnsWhatItDeclares(Simulation simulation) {
        Recording recording = new Recording();

        SimulationResult result = runDefaults(simulation, recording);

        Set<String> declared = new HashSet<>();
        simulation.series().forEach(s -> declared.add(s.name()));
        assertThat(result.series())
                .as("series of a default %s run", simulation.id())
                .isNotEmpty();
        assertThat(result.series().keySet()).as("returned series are declared").isSubsetOf(declared);
        result.series().forEach((name, series) -> {
            assertThat(series.xs()).as("%s.x", name).hasSameSizeAs(series.ys());
            assertThat(series.size()).as("%s points", name).isPositive();
            assertThat(Arrays.stream(series.xs()).allMatch(Double::isFinite))
                    .as("%s: every x is finite", name)
                    .isTrue();
            // y may hold NaN as a deliberate gap, but never an infinity, and not only gaps.
            assertThat(Arrays.stream(series.ys()).noneMatch(Double::isInfinite))
                    .as("%s: no infinite y", name)
                    .isTrue();
            assertThat(Arrays.stream(series.ys()).anyMatch(Double::isFinite))
                    .as("%s: some finite y", name)
                    .isTrue();
        });
        result.grids().forEach((name, grid) -> assertThat(Arrays.stream(grid.values())
                        .flatMapToDouble(Arrays::stream)
                        .noneMatch(Double::isInfinite))
                .as("grid %s: no infinite value", name)
                .isTrue());

        assertThat(result.scalars())
                .as("scalars of a default %s run", simulation.id())
                .isNotEmpty();
        Map<String, ScalarSpec> declaredScalars = new LinkedHashMap<>();
        simulation.scalars().forEach(s -> declaredScalars.put(s.name(), s));
        assertThat(result.scalars().keySet())
                .as("returned scalars are declared")
                .isSubsetOf(declaredScalars.keySet());
        result.scalars().forEach((name, scalar) -> {
            assertThat(scalar.unit())
                    .as("unit of scalar %s", name)
                    .isEqualTo(declaredScalars.get(name).unit());
            assertThat(scalar.label()).as("label of scalar %s", name).isNotBlank();
            if (scalar.available()) {
                assertThat(scalar.value()).as("scalar %s", name).isFinite();
            } else {
                assertThat(scalar.note()).as("why scalar %s is missing", name).isNotBlank();
            }
        });

        // What the panel streamed adds up to what the run returned.
        assertThat(recording.chunks.keySet()).as("streamed series are declared").isSubsetOf(declared);
        result.series().forEach((name, series) -> {
            assertThat(recording.joined(name, 0)).as("streamed %s.x", name).containsExactly(series.xs());
            assertThat(recording.joined(name, 1)).as("streamed %s.y", name).containsExactly(series.ys());
        });
        assertThat(recording.fractions).as("progress reports").isNotEmpty().isSorted();
        assertThat(recording.fractions).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(recording.fractions.get(recording.fractions.size() - 1)).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simulations")
    void sameParametersAndSeedGiveIdenticalNumbers(Simulation simulation) {
        SimulationResult first = runDefaults(simulation, ProgressSink.NONE);
        SimulationResult second = runDefaults(simulation, ProgressSink.NONE);

        assertThat(second.scalars()).isEqualTo(first.scalars());
        assertThat(second.series().keySet())
                .containsExactlyElementsOf(first.series().keySet());
        first.series().forEach((name, series) -> {
            assertThat(second.series(name).xs()).as("%s.x", name).isEqualTo(series.xs());
            assertThat(second.series(name).ys()).as("%s.y", name).isEqualTo(series.ys());
        });
        assertThat(second.grids().keySet())
                .containsExactlyElementsOf(first.grids().keySet());
        first.grids()
                .forEach((name, grid) -> assertThat(second.grids().get(name).values())
                        .as("grid %s", name)
                        .isDeepEqualTo(grid.values()));
    }
}
