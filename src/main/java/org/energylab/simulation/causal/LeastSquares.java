package org.energylab.simulation.causal;

/**
 * Running least squares of y on x, and of y on x and z, both with an intercept, updated one unit at a
 * time (Welford's updates of the means and co-moments, so no cancellation in Σx² − (Σx)²/n). At any
 * moment it gives the slopes with their standard errors for the units seen so far.
 */
final class LeastSquares {
    /** The 97.5 % quantile of the standard normal: an estimate ± 1.96 standard errors is a 95 % interval. */
    static final double Z_95 = 1.959963984540054;

    private long n;
    private double meanX;
    private double meanY;
    private double meanZ;
    private double cxx;
    private double cxy;
    private double cxz;
    private double cyy;
    private double cyz;
    private double czz;

    void add(double x, double y, double z) {
        n++;
        double dx = x - meanX;
        double dy = y - meanY;
        double dz = z - meanZ;
        meanX += dx / n;
        meanY += dy / n;
        meanZ += dz / n;
        cxx += dx * (x - meanX);
        cxy += dx * (y - meanY);
        cxz += dx * (z - meanZ);
        cyy += dy * (y - meanY);
        cyz += dy * (z - meanZ);
        czz += dz * (z - meanZ);
    }

    /** Adds y against x alone; the regressions on z then have nothing to use. */
    void add(double x, double y) {
        add(x, y, 0);
    }

    long count() {
        return n;
    }

    double meanX() {
        return meanX;
    }

    double meanY() {
        return meanY;
    }

    double meanZ() {
        return meanZ;
    }

    /** The sample variance of x, Σ(x − x̄)²/(n − 1). */
    double varianceX() {
        return cxx / (n - 1);
    }

    /** The sample covariance of x and y, Σ(x − x̄)(y − ȳ)/(n − 1). */
    double covarianceXY() {
        return cxy / (n - 1);
    }

    /** Slope of y on x: Σ(x − x̄)(y − ȳ)/Σ(x − x̄)². */
    Estimate slope() {
        double slope = cxy / cxx;
        double residuals = Math.max(0, cyy - slope * cxy);
        double variance = residuals / (n - 2) / cxx;
        return new Estimate(slope, Math.sqrt(variance));
    }

    /**
     * Coefficient of x in the regression of y on x and z: the normal equations of the centred data,
     * [Cxx Cxz; Cxz Czz] (β_x, β_z) = (Cxy, Czy), solved by Cramer's rule.
     */
    Estimate slopeAdjustedForZ() {
        double det = cxx * czz - cxz * cxz;
        double betaX = (czz * cxy - cxz * cyz) / det;
        double betaZ = (cxx * cyz - cxz * cxy) / det;
        double residuals = Math.max(0, cyy - betaX * cxy - betaZ * cyz);
        double variance = residuals / (n - 3) * czz / det;
        return new Estimate(betaX, Math.sqrt(variance));
    }

    /** An estimate with its standard error. */
    record Estimate(double value, double standardError) {
        double low() {
            return value - Z_95 * standardError;
        }

        double high() {
            return value + Z_95 * standardError;
        }
    }
}
