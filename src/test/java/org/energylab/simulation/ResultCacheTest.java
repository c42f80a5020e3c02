package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The result cache: weighed by the bytes of its arrays, bounded, and off at size zero. */
class ResultCacheTest {
    private static final Axis AXIS = new Axis("x", "");

    private static SimulationResult withPoints(int points) {
        return new SimulationResult(
                Map.of("s", Scalar.of("S", 1, "")),
                Map.of("curve", new Series("curve", AXIS, AXIS, new double[points], new double[points])),
                Map.of("field", new Grid("field", AXIS, AXIS, AXIS, new double[10], new double[5], new double[5][10])));
    }

    private static RunKey key(long seed) {
        return new RunKey("test", ParameterSchema.of().defaults(), seed);
    }

    @Test
    void aResultWeighsAboutItsArrays() {
        int small = ResultCache.weight(key(0), withPoints(10));
        int large = ResultCache.weight(key(0), withPoints(100_010));
        assertThat(large - small).isEqualTo(16 * 100_000);
        assertThat(small).as("the grid's 50 values and both axes count").isGreaterThan(8 * 65);
    }

    @Test
    void theCacheKeepsWithinItsSize() {
        ResultCache cache = new ResultCache(DataSize.ofMegabytes(4));
        for (long seed = 0; seed < 10; seed++) {
            cache.put(key(seed), withPoints(65_536)); // about 1 MB each
        }
        assertThat(cache.weightedSize())
                .isLessThanOrEqualTo(DataSize.ofMegabytes(4).toBytes());
        long kept = LongStream.range(0, 10)
                .filter(seed -> cache.get(key(seed)) != null)
                .count();
        assertThat(kept).isBetween(1L, 3L);
    }

    @Test
    void aResultLargerThanTheCacheIsNotKept() {
        ResultCache cache = new ResultCache(DataSize.ofKilobytes(64));
        cache.put(key(1), withPoints(100_000));
        assertThat(cache.get(key(1))).isNull();
    }

    @Test
    void sizeZeroKeepsNothing() {
        ResultCache cache = new ResultCache(DataSize.ofBytes(0));
        cache.put(key(1), withPoints(1));
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.get(key(1))).isNull();
    }

    @Test
    void keysDifferBySimulationParametersAndSeed() {
        ParameterSchema schema = ParameterSchema.of(ParameterSpec.integer("n", "n", "", 0, 10, 1, ""));
        RunKey key = new RunKey("a", schema.validate(Map.of("n", 2)), 1);
        assertThat(key).isEqualTo(new RunKey("a", schema.validate(Map.of("n", "2")), 1));
        assertThat(key).isNotEqualTo(new RunKey("b", schema.validate(Map.of("n", 2)), 1));
        assertThat(key).isNotEqualTo(new RunKey("a", schema.validate(Map.of("n", 3)), 1));
        assertThat(key).isNotEqualTo(new RunKey("a", schema.validate(Map.of("n", 2)), 2));
    }
}
