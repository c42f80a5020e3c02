package org.energylab.simulation.regularized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Series;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.data.TrainingDensity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three regularised energies of lesson 5.3 against independent computations: PCA's energy
 * against the singular vectors LAPACK finds for the centred data, K-means' centroids against the
 * means of the points nearest to them, the exact sparse code against accelerated proximal gradient
 * descent (FISTA), and the low-energy volume against the area of discs and against its own limits.
 */
class RegularizedEbmSimulationTest {
    private static final RegularizedEbmSimulation SIM = new RegularizedEbmSimulation();
    private static final long SEED = 42;

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static Parameters params(Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return SIM.schema().validate(raw);
    }

    private static SimulationResult run(Object... keyValues) {
        Parameters p = params(keyValues);
        SIM.checkCombination(p);
        return SIM.run(RunContext.of(p, SEED));
    }

    private static double[][] data(TrainingDensity density) {
        return density.rows(RegularizedEbmSimulation.SAMPLES, new SplittableRandom(SEED));
    }

    @ParameterizedTest
    @EnumSource(TrainingDensity.class)
    void pcaEnergyIsTheSquaredDistanceToTheSubspaceOfTheLeadingSingularVector(TrainingDensity density) {
        double[][] points = data(density);
        int n = points.length;
        double m1 = 0;
        double m2 = 0;
        for (double[] p : points) {
            m1 += p[0] / n;
            m2 += p[1] / n;
        }
        // The centred data matrix X = U S Vᵀ: the rows of Vᵀ are the principal directions.
        double[][] centred = new double[n][2];
        for (int i = 0; i < n; i++) {
            centred[i][0] = points[i][0] - m1;
            centred[i][1] = points[i][1] - m2;
        }
        INDArray x = Nd4j.createFromArray(centred).dup('f');
        INDArray s = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 2);
        INDArray vt = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, new long[] {2, 2}, 'f');
        Nd4j.getBlasWrapper().lapack().gesvd(x, s, null, vt);
        double v1 = vt.getDouble(0, 0);
        double v2 = vt.getDouble(0, 1);

        PrincipalSubspace line = PrincipalSubspace.fit(points, 1);
        PrincipalSubspace mean = PrincipalSubspace.fit(points, 0);
        PrincipalSubspace plane = PrincipalSubspace.fit(points, 2);
        assertThat(line.eigenvalues()[0]).isCloseTo(s.getDouble(0) * s.getDouble(0) / n, within(1e-9));
        assertThat(line.eigenvalues()[1]).isCloseTo(s.getDouble(1) * s.getDouble(1) / n, within(1e-9));
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < 50; t++) {
            double y1 = 5 * random.nextDouble() - 2.5;
            double y2 = 5 * random.nextDouble() - 2.5;
            double r1 = y1 - m1;
            double r2 = y2 - m2;
            double along = r1 * v1 + r2 * v2;
            double squared = r1 * r1 + r2 * r2;
            // ‖r − (v·r) v‖², the squared distance to the line through the mean along v.
            assertThat(line.energy(y1, y2)).isCloseTo(squared - along * along, within(1e-9));
            assertThat(mean.energy(y1, y2)).isCloseTo(squared, within(1e-12));
            assertThat(plane.energy(y1, y2)).isZero();
        }
        // Over the data, the mean energy of the line is the smaller eigenvalue: the variance left out.
        double mse = 0;
        for (double[] p : points) {
            mse += line.energy(p[0], p[1]) / n;
        }
        assertThat(mse).isCloseTo(s.getDouble(1) * s.getDouble(1) / n, within(1e-9));
    }

    @ParameterizedTest
    @EnumSource(TrainingDensity.class)
    void kMeansEnergyIsZeroAtEveryCentroidAndEachCentroidIsTheMeanOfItsPoints(TrainingDensity density) {
        double[][] points = data(density);
        KMeans model = KMeans.fit(points, 8, new SplittableRandom(SEED));
        assertThat(model.iterations()).isLessThan(KMeans.MAX_ITERATIONS);
        double[][] centroids = model.centroids();
        for (int k = 0; k < centroids.length; k++) {
            assertThat(model.energy(centroids[k][0], centroids[k][1])).isZero();
            // Lloyd's fixed point: the mean of the points nearest to w_k, recomputed by brute force here.
            double s1 = 0;
            double s2 = 0;
            int count = 0;
            for (double[] p : points) {
                int nearest = 0;
                for (int j = 1; j < centroids.length; j++) {
                    if (dist2(p, centroids[j]) < dist2(p, centroids[nearest])) {
                        nearest = j;
                    }
                }
                if (nearest == k) {
                    s1 += p[0];
                    s2 += p[1];
                    count++;
                }
            }
            assertThat(count).isPositive();
            assertThat(centroids[k][0]).isCloseTo(s1 / count, within(1e-12));
            assertThat(centroids[k][1]).isCloseTo(s2 / count, within(1e-12));
        }
        SimulationResult result = run("dataset", density.id(), "method", "kmeans", "clusters", 8);
        assertThat(result.scalar("centroidEnergy").value()).isZero();
    }

    private static double dist2(double[] a, double[] b) {
        double d1 = a[0] - b[0];
        double d2 = a[1] - b[1];
        return d1 * d1 + d2 * d2;
    }

    @Test
    void eightSeparateCentroidsHaveTheVolumeOfEightDiscsOfRadiusRootTau() {
        // On the eight Gaussians, K = 8 puts one centroid per blob, √2·2 sin(π/8) ≈ 1.08 apart, so the
        // discs F ≤ τ of radius √0.1 ≈ 0.32 do not overlap: the volume is 8πτ / (2·2.5)², up to the grid.
        SimulationResult result = run("method", "kmeans", "clusters", 8, "threshold", 0.1);
        double discs = 8 * Math.PI * 0.1 / 25;
        assertThat(result.scalar("lowEnergyVolume").value()).isCloseTo(discs, within(0.1 * discs));
        assertThat(result.scalar("dataCoverage").value()).isGreaterThan(0.98);
    }

    @Test
    void theSingleAtomCodeMatchesTheClosedForm() {
        // One unit atom d: min_a ‖r − a d‖² + λ|a| = ‖r‖² − c² + λ|c| − λ²/4 when |c| = |d·r| > λ/2, else ‖r‖².
        double angle = 0.7;
        double[] d = {Math.cos(angle), Math.sin(angle)};
        double lambda = 0.3;
        SparseCoding model = new SparseCoding(0, 0, lambda, new double[][] {d});
        SplittableRandom random = new SplittableRandom(5);
        for (int t = 0; t < 40; t++) {
            double r1 = 4 * random.nextDouble() - 2;
            double r2 = 4 * random.nextDouble() - 2;
            double c = d[0] * r1 + d[1] * r2;
            double rr = r1 * r1 + r2 * r2;
            double expected = Math.abs(c) > lambda / 2 ? rr - c * c + lambda * Math.abs(c) - lambda * lambda / 4 : rr;
            assertThat(model.energy(r1, r2)).isCloseTo(expected, within(1e-12));
        }
    }

    @ParameterizedTest
    @CsvSource({"eight-gaussians, 0.05", "rings, 0.01", "spiral, 0.3", "two-moons, 1"})
    void theExactSparseCodeMatchesProximalGradientDescent(String dataset, double lambda) {
        double[][] points = data(org.energylab.simulation.ChoiceOption.byId(TrainingDensity.class, dataset));
        SparseCoding model = SparseCoding.fit(points, lambda, new SplittableRandom(SEED));
        double[][] atoms = model.atoms();
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 0; t < 20; t++) {
            double y1 = 5 * random.nextDouble() - 2.5;
            double y2 = 5 * random.nextDouble() - 2.5;
            double reference = fista(atoms, y1 - model.mean1(), y2 - model.mean2(), lambda);
            assertThat(model.energy(y1, y2)).isCloseTo(reference, within(1e-7 + 1e-7 * reference));
        }
    }

    /** min_z ‖r − Dz‖² + λ‖z‖₁ by FISTA (Beck and Teboulle 2009), run long enough to converge. */
    private static double fista(double[][] atoms, double r1, double r2, double lambda) {
        int m = atoms.length;
        // Lipschitz constant of ∇‖r − Dz‖² = 2‖DDᵀ‖, DDᵀ being 2 × 2.
        double a = 0;
        double b = 0;
        double c = 0;
        for (double[] d : atoms) {
            a += d[0] * d[0];
            b += d[0] * d[1];
            c += d[1] * d[1];
        }
        double lipschitz = 2 * ((a + c) / 2 + Math.hypot((a - c) / 2, b));
        double[] z = new double[m];
        double[] w = new double[m];
        double[] previous = new double[m];
        double momentum = 1;
        for (int it = 0; it < 20_000; it++) {
            double e1 = r1;
            double e2 = r2;
            for (int j = 0; j < m; j++) {
                e1 -= atoms[j][0] * w[j];
                e2 -= atoms[j][1] * w[j];
            }
            System.arraycopy(z, 0, previous, 0, m);
            for (int j = 0; j < m; j++) {
                double v = w[j] + 2 * (atoms[j][0] * e1 + atoms[j][1] * e2) / lipschitz;
                z[j] = Math.signum(v) * Math.max(Math.abs(v) - lambda / lipschitz, 0);
            }
            double next = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
            for (int j = 0; j < m; j++) {
                w[j] = z[j] + (momentum - 1) / next * (z[j] - previous[j]);
            }
            momentum = next;
        }
        double e1 = r1;
        double e2 = r2;
        double l1 = 0;
        for (int j = 0; j < m; j++) {
            e1 -= atoms[j][0] * z[j];
            e2 -= atoms[j][1] * z[j];
            l1 += Math.abs(z[j]);
        }
        return e1 * e1 + e2 * e2 + lambda * l1;
    }

    @ParameterizedTest
    @CsvSource({
        "eight-gaussians, pca",
        "eight-gaussians, kmeans",
        "eight-gaussians, sparse-coding",
        "two-moons, pca",
        "two-moons, kmeans",
        "two-moons, sparse-coding",
        "spiral, pca",
        "spiral, kmeans",
        "spiral, sparse-coding",
        "rings, pca",
        "rings, kmeans",
        "rings, sparse-coding"
    })
    void theLowEnergyVolumeGrowsWithCapacity(String dataset, String method) {
        Series sweep = run("dataset", dataset, "method", method).series("lowEnergyVolumeVsCapacity");
        assertThat(sweep.xs()).isSorted();
        for (int i = 1; i < sweep.size(); i++) {
            assertThat(sweep.ys()[i])
                    .as("volume at capacity %s", sweep.xs()[i])
                    .isGreaterThanOrEqualTo(sweep.ys()[i - 1]);
        }
        assertThat(sweep.ys()[sweep.size() - 1]).isGreaterThan(sweep.ys()[0]);
    }

    @ParameterizedTest
    @CsvSource({"eight-gaussians, 0.001", "rings, 0.1", "spiral, 10"})
    void pcaWithAsManyComponentsAsDimensionsHasVolumeOne(String dataset, double threshold) {
        SimulationResult result = run("dataset", dataset, "method", "pca", "components", 2, "threshold", threshold);
        assertThat(result.scalar("lowEnergyVolume").value()).isEqualTo(1.0);
        assertThat(result.scalar("reconstructionError").value()).isZero();
    }

    @Test
    void pcaWithoutComponentsIsLowOnlyInADiscAboutTheMean() {
        // F = ‖y − μ‖², so the volume counts the grid points within √τ of the data's mean.
        double tau = 0.5;
        SimulationResult result = run("dataset", "two-moons", "method", "pca", "components", 0, "threshold", tau);
        double[][] points = data(TrainingDensity.TWO_MOONS);
        double m1 = 0;
        double m2 = 0;
        for (double[] p : points) {
            m1 += p[0] / points.length;
            m2 += p[1] / points.length;
        }
        double[] axis = RegularizedEbmSimulation.axis();
        int inside = 0;
        for (double y2 : axis) {
            for (double y1 : axis) {
                inside += (y1 - m1) * (y1 - m1) + (y2 - m2) * (y2 - m2) <= tau ? 1 : 0;
            }
        }
        assertThat(result.scalar("lowEnergyVolume").value()).isEqualTo((double) inside / (axis.length * axis.length));
        assertThat(result.grids().get("energy").values()[0][0])
                .isCloseTo((-2.5 - m1) * (-2.5 - m1) + (-2.5 - m2) * (-2.5 - m2), within(1e-12));
    }

    @Test
    void theLearnersValueIsAPointOfTheSweepAndTheMapsAgree() {
        SimulationResult result = run("method", "sparse-coding", "sparsity", 0.05);
        Series sweep = result.series("lowEnergyVolumeVsCapacity");
        double volume = result.scalar("lowEnergyVolume").value();
        int at = -1;
        for (int i = 0; i < sweep.size(); i++) {
            if (Math.abs(sweep.xs()[i] - Math.log10(1 / 0.05)) < 1e-12) {
                at = i;
            }
        }
        assertThat(at).isNotNegative();
        assertThat(sweep.ys()[at]).isEqualTo(volume);
        double[][] region = result.grids().get("lowEnergyRegion").values();
        double[][] energy = result.grids().get("energy").values();
        double ones = 0;
        for (int i = 0; i < region.length; i++) {
            for (int j = 0; j < region.length; j++) {
                assertThat(region[i][j]).isEqualTo(energy[i][j] <= 0.1 ? 1.0 : 0.0);
                ones += region[i][j];
            }
        }
        assertThat(ones / (region.length * region.length)).isEqualTo(volume);
        assertThat(result.scalars()).doesNotContainKey("centroidEnergy");
    }
}
