package org.energylab.simulation.latent;

/**
 * The values the latent may take, each equally likely a priori: {@code angles} angles z evenly spaced
 * in [0, 2π), and optionally a radius r on an evenly spaced grid in [0, {@value #MAX_RADIUS}], which
 * gives the latent a second dimension. Code k has the angle {@code angle(angleIndex(k))} and the
 * radius {@code radius(k)}; the radius runs fastest.
 */
record LatentGrid(int angles, int radii) {
    /** Largest radius of the two-dimensional latent: codes reach twice as far as the decoder's ellipse. */
    static final double MAX_RADIUS = 2.0;
    /** Radii of the two-dimensional latent. */
    static final int RADII = 21;

    LatentGrid {
        if (angles < 1 || radii < 1) {
            throw new IllegalArgumentException("a latent grid needs at least one angle and one radius");
        }
    }

    static LatentGrid angleOnly(int angles) {
        return new LatentGrid(angles, 1);
    }

    static LatentGrid angleAndRadius(int angles) {
        return new LatentGrid(angles, RADII);
    }

    int size() {
        return angles * radii;
    }

    /** Spacing of the angle grid, 2π/n_z. */
    double angleStep() {
        return 2 * Math.PI / angles;
    }

    double angle(int angleIndex) {
        return angleIndex * angleStep();
    }

    int angleIndex(int code) {
        return code / radii;
    }

    double radius(int code) {
        return radii == 1 ? 1.0 : MAX_RADIUS * (code % radii) / (radii - 1);
    }

    /** r cos z of every code: what the decoder multiplies by w₁. */
    double[] cosines() {
        double[] c = new double[size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = radius(k) * Math.cos(angle(angleIndex(k)));
        }
        return c;
    }

    /** r sin z of every code: what the decoder multiplies by w₂. */
    double[] sines() {
        double[] s = new double[size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = radius(k) * Math.sin(angle(angleIndex(k)));
        }
        return s;
    }
}
