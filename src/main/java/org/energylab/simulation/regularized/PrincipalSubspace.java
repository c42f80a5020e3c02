package org.energylab.simulation.regularized;

/**
 * PCA as an energy-based model: y is reconstructed as μ + Wz from a code z of {@code components}
 * dimensions, with W the leading principal directions, so E(y, z) = ‖y − μ − Wz‖² and F(y) = min_z
 * E(y, z) is the squared distance from y to the principal subspace: the sum of (u_j · (y − μ))² over
 * the directions u_j left out. The 2 × 2 covariance is diagonalised in closed form.
 *
 * @param eigenvalues the covariance's eigenvalues, largest first (divided by n, not n − 1)
 * @param directions the unit eigenvectors, in the same order: {@code directions[j] = {u₁, u₂}}
 */
record PrincipalSubspace(double mean1, double mean2, double[] eigenvalues, double[][] directions, int components)
        implements ReconstructionEnergy {

    PrincipalSubspace {
        if (components < 0 || components > 2) {
            throw new IllegalArgumentException("a subspace of the plane has 0, 1 or 2 dimensions, not " + components);
        }
    }

    /** The mean, the covariance (1/n) and its eigen decomposition, kept to {@code components} directions. */
    static PrincipalSubspace fit(double[][] points, int components) {
        int n = points.length;
        double m1 = 0;
        double m2 = 0;
        for (double[] p : points) {
            m1 += p[0];
            m2 += p[1];
        }
        m1 /= n;
        m2 /= n;
        double a = 0;
        double b = 0;
        double c = 0;
        for (double[] p : points) {
            double d1 = p[0] - m1;
            double d2 = p[1] - m2;
            a += d1 * d1;
            b += d1 * d2;
            c += d2 * d2;
        }
        a /= n;
        b /= n;
        c /= n;
        // Eigenvalues of [[a, b], [b, c]]: (a + c)/2 ± √(((a − c)/2)² + b²).
        double half = (a + c) / 2;
        double radius = Math.hypot((a - c) / 2, b);
        double large = half + radius;
        double small = half - radius;
        double u1;
        double u2;
        if (radius == 0) {
            u1 = 1; // isotropic: every direction is principal
            u2 = 0;
        } else if (a >= c) {
            // (large − c, b) and (b, large − a) are both eigenvectors; take the better-conditioned one.
            u1 = large - c;
            u2 = b;
        } else {
            u1 = b;
            u2 = large - a;
        }
        double norm = Math.hypot(u1, u2);
        u1 /= norm;
        u2 /= norm;
        return new PrincipalSubspace(
                m1, m2, new double[] {large, small}, new double[][] {{u1, u2}, {-u2, u1}}, components);
    }

    @Override
    public double energy(double y1, double y2) {
        double d1 = y1 - mean1;
        double d2 = y2 - mean2;
        double sum = 0;
        for (int j = components; j < 2; j++) {
            double along = directions[j][0] * d1 + directions[j][1] * d2;
            sum += along * along;
        }
        return sum;
    }
}
