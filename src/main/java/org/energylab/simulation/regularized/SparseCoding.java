package org.energylab.simulation.regularized;

import java.util.SplittableRandom;

/**
 * Sparse coding as an energy-based model: y − μ is reconstructed as Dz from a dictionary D of
 * {@value #ATOMS} atoms (columns of norm at most 1), with an L1 penalty on the code, E(y, z) = ‖y −
 * μ − Dz‖² + λ‖z‖₁, and F(y) = min_z E(y, z). The code has more dimensions than y, so without the
 * penalty every y would be reconstructed exactly; λ is what keeps the low-energy region small.
 *
 * <p>In the plane the minimum over z is found exactly rather than iteratively: the lasso always has
 * a minimiser whose atoms are linearly independent (Tibshirani 2013), so at most two of them, and on
 * a support S with signs s the minimiser solves D_Sᵀ D_S z_S = D_Sᵀ(y − μ) − (λ/2) s. Trying the empty
 * support, every single atom and every pair with its four sign patterns, and keeping the lowest
 * energy, gives F(y) to rounding error.
 *
 * <p>The dictionary is learned by alternating exact codes for all data points with one pass of block
 * coordinate descent over the atoms (Mairal et al. 2009), starting from randomly drawn data points.
 */
final class SparseCoding implements ReconstructionEnergy {
    static final int ATOMS = 8;
    static final int LEARNING_ITERATIONS = 30;
    /** Codes tried per point: none, one atom, or a pair with four sign patterns. */
    static final int CANDIDATES = 1 + ATOMS + 4 * ATOMS * (ATOMS - 1) / 2;

    private final double mean1;
    private final double mean2;
    private final double lambda;
    private final double[][] atoms;
    private double[][] gram;

    SparseCoding(double mean1, double mean2, double lambda, double[][] atoms) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("the L1 weight is not negative: " + lambda);
        }
        this.mean1 = mean1;
        this.mean2 = mean2;
        this.lambda = lambda;
        this.atoms = new double[atoms.length][];
        for (int j = 0; j < atoms.length; j++) {
            this.atoms[j] = atoms[j].clone();
        }
        updateGram();
    }

    /** Learns the dictionary for the L1 weight {@code lambda} on {@code points}. */
    static SparseCoding fit(double[][] points, double lambda, SplittableRandom random) {
        double m1 = 0;
        double m2 = 0;
        for (double[] p : points) {
            m1 += p[0];
            m2 += p[1];
        }
        m1 /= points.length;
        m2 /= points.length;
        double[][] start = new double[ATOMS][];
        for (int j = 0; j < ATOMS; j++) {
            double[] p = points[random.nextInt(points.length)];
            double d1 = p[0] - m1;
            double d2 = p[1] - m2;
            double norm = Math.hypot(d1, d2);
            if (norm < 1e-9) {
                double angle = 2 * Math.PI * random.nextDouble();
                start[j] = new double[] {Math.cos(angle), Math.sin(angle)};
            } else {
                start[j] = new double[] {d1 / norm, d2 / norm};
            }
        }
        SparseCoding model = new SparseCoding(m1, m2, lambda, start);
        for (int t = 0; t < LEARNING_ITERATIONS; t++) {
            model.updateAtoms(points);
        }
        return model;
    }

    /** One pass of block coordinate descent on the atoms, the codes of all points held fixed. */
    private void updateAtoms(double[][] points) {
        double[][] a = new double[atoms.length][atoms.length]; // Σ z zᵀ
        double[][] b = new double[atoms.length][2]; // Σ (y − μ) z_j
        double[] z = new double[atoms.length];
        for (double[] p : points) {
            code(p[0] - mean1, p[1] - mean2, z);
            for (int i = 0; i < atoms.length; i++) {
                if (z[i] == 0) {
                    continue;
                }
                b[i][0] += (p[0] - mean1) * z[i];
                b[i][1] += (p[1] - mean2) * z[i];
                for (int j = 0; j < atoms.length; j++) {
                    a[i][j] += z[i] * z[j];
                }
            }
        }
        for (int j = 0; j < atoms.length; j++) {
            if (a[j][j] < 1e-12) {
                continue; // an atom no code uses stays where it is
            }
            // u = d_j + (b_j − D a_j) / a_jj, then back into the unit ball.
            double u1 = b[j][0];
            double u2 = b[j][1];
            for (int k = 0; k < atoms.length; k++) {
                u1 -= atoms[k][0] * a[k][j];
                u2 -= atoms[k][1] * a[k][j];
            }
            u1 = atoms[j][0] + u1 / a[j][j];
            u2 = atoms[j][1] + u2 / a[j][j];
            double scale = Math.max(1, Math.hypot(u1, u2));
            atoms[j][0] = u1 / scale;
            atoms[j][1] = u2 / scale;
        }
        updateGram();
    }

    private void updateGram() {
        gram = new double[atoms.length][atoms.length];
        for (int i = 0; i < atoms.length; i++) {
            for (int j = 0; j < atoms.length; j++) {
                gram[i][j] = atoms[i][0] * atoms[j][0] + atoms[i][1] * atoms[j][1];
            }
        }
    }

    /**
     * Writes the code z minimising ‖r − Dz‖² + λ‖z‖₁ for the centred point r into {@code z} and
     * returns that minimum.
     */
    double code(double r1, double r2, double[] z) {
        java.util.Arrays.fill(z, 0);
        double rr = r1 * r1 + r2 * r2;
        double[] c = new double[atoms.length];
        for (int j = 0; j < atoms.length; j++) {
            c[j] = atoms[j][0] * r1 + atoms[j][1] * r2;
        }
        double best = rr; // z = 0
        int bestI = -1;
        int bestJ = -1;
        double bestZi = 0;
        double bestZj = 0;
        for (int j = 0; j < atoms.length; j++) {
            double g = gram[j][j];
            if (g < 1e-12) {
                continue;
            }
            // One atom: soft thresholding, a = sign(c)·max(|c| − λ/2, 0)/‖d‖².
            double zj = Math.signum(c[j]) * Math.max(Math.abs(c[j]) - lambda / 2, 0) / g;
            double e = rr - 2 * zj * c[j] + zj * zj * g + lambda * Math.abs(zj);
            if (e < best) {
                best = e;
                bestI = j;
                bestJ = -1;
                bestZi = zj;
            }
        }
        for (int i = 0; i < atoms.length; i++) {
            for (int j = i + 1; j < atoms.length; j++) {
                double gii = gram[i][i];
                double gjj = gram[j][j];
                double gij = gram[i][j];
                double det = gii * gjj - gij * gij;
                if (det <= 1e-12 * gii * gjj || det <= 0) {
                    continue; // parallel atoms: the single-atom codes cover this pair
                }
                for (int si = -1; si <= 1; si += 2) {
                    for (int sj = -1; sj <= 1; sj += 2) {
                        double ri = c[i] - lambda * si / 2;
                        double rj = c[j] - lambda * sj / 2;
                        double zi = (gjj * ri - gij * rj) / det;
                        double zj = (gii * rj - gij * ri) / det;
                        double e = rr
                                - 2 * (zi * c[i] + zj * c[j])
                                + zi * zi * gii
                                + 2 * zi * zj * gij
                                + zj * zj * gjj
                                + lambda * (Math.abs(zi) + Math.abs(zj));
                        if (e < best) {
                            best = e;
                            bestI = i;
                            bestJ = j;
                            bestZi = zi;
                            bestZj = zj;
                        }
                    }
                }
            }
        }
        if (bestI >= 0) {
            z[bestI] = bestZi;
        }
        if (bestJ >= 0) {
            z[bestJ] = bestZj;
        }
        return Math.max(best, 0);
    }

    @Override
    public double energy(double y1, double y2) {
        return code(y1 - mean1, y2 - mean2, new double[atoms.length]);
    }

    @Override
    public double reconstructionError(double y1, double y2) {
        double[] z = new double[atoms.length];
        code(y1 - mean1, y2 - mean2, z);
        double e1 = y1 - mean1;
        double e2 = y2 - mean2;
        for (int j = 0; j < atoms.length; j++) {
            e1 -= atoms[j][0] * z[j];
            e2 -= atoms[j][1] * z[j];
        }
        return e1 * e1 + e2 * e2;
    }

    double lambda() {
        return lambda;
    }

    double mean1() {
        return mean1;
    }

    double mean2() {
        return mean2;
    }

    /** The atoms, {@code atoms()[j] = {d₁, d₂}}, a copy. */
    double[][] atoms() {
        double[][] copy = new double[atoms.length][];
        for (int j = 0; j < atoms.length; j++) {
            copy[j] = atoms[j].clone();
        }
        return copy;
    }
}
