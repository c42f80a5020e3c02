package org.energylab.simulation.latent;

/** The decoder g(z) = (w₁ r cos z, w₂ r sin z), with r = 1 for the one-dimensional latent. */
record EllipseDecoder(double w1, double w2) {

    /** The decoded point of every code of the latent grid, as {first coordinates, second coordinates}. */
    double[][] decode(LatentGrid latent) {
        double[] g1 = latent.cosines();
        double[] g2 = latent.sines();
        for (int k = 0; k < g1.length; k++) {
            g1[k] *= w1;
            g2[k] *= w2;
        }
        return new double[][] {g1, g2};
    }
}
