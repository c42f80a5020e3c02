package org.energylab.simulation.nn;

/**
 * tanh over an array, in loops the JIT turns into vector instructions (a call to {@link Math#tanh}
 * per element costs about twenty times more). Accurate to a few units in the last place.
 *
 * <p>Range reduction by halving: with r = x/2⁸, tanh r comes from its Taylor series (the terms
 * beyond r¹³ are below 10⁻¹⁸ r for |r| ≤ 19/2⁸), and eight doublings tanh 2u = 2 tanh u / (1 +
 * tanh² u) climb back to x. Each doubling is carried as a fraction p/q, (p, q) → (2pq, p² + q²), so
 * that there is one division in all; rounding errors in the ratio do not grow through a doubling,
 * since its relative condition number (1 − t²)/(1 + t²) is at most 1. Beyond |x| = 19, tanh x
 * rounds to ±1.
 */
final class Tanh {
    private static final double LIMIT = 19.0;
    private static final double HALVINGS = 0x1p-8;
    private static final double C3 = -1.0 / 3;
    private static final double C5 = 2.0 / 15;
    private static final double C7 = -17.0 / 315;
    private static final double C9 = 62.0 / 2835;
    private static final double C11 = -1382.0 / 155925;
    private static final double C13 = 21844.0 / 6081075;

    private Tanh() {}

    /**
     * z_i = tanh(s_i + b_i) for i < count; {@code scratch} (at least count long) holds the
     * denominators. The work is split into short flat loops: the JIT vectorises each, but neither
     * one long loop body nor a short inner loop over the units of a row.
     */
    static void apply(double[] s, double[] b, double[] z, int count, double[] scratch) {
        double[] p = z;
        double[] q = scratch;
        for (int i = 0; i < count; i++) {
            double r = Math.max(-LIMIT, Math.min(LIMIT, s[i] + b[i])) * HALVINGS;
            double r2 = r * r;
            p[i] = r + r * r2 * (C3 + r2 * (C5 + r2 * (C7 + r2 * (C9 + r2 * (C11 + r2 * C13)))));
        }
        for (int i = 0; i < count; i++) {
            double pi = p[i];
            double qi = 1.0;
            double t = 2 * pi * qi;
            qi = pi * pi + qi * qi;
            pi = t;
            t = 2 * pi * qi;
            qi = pi * pi + qi * qi;
            pi = t;
            t = 2 * pi * qi;
            qi = pi * pi + qi * qi;
            pi = t;
            t = 2 * pi * qi;
            qi = pi * pi + qi * qi;
            p[i] = t;
            q[i] = qi;
        }
        for (int i = 0; i < count; i++) {
            double pi = p[i];
            double qi = q[i];
            double t = 2 * pi * qi;
            qi = pi * pi + qi * qi;
            pi = t;
            t = 2 * pi * qi;
            qi = pi * pi + qi * qi;
            pi = t;
            t = 2 * pi * qi;
            qi = pi * pi + qi * qi;
            pi = t;
            t = 2 * pi * qi;
            qi = pi * pi + qi * qi;
            z[i] = t / qi;
        }
    }
}
