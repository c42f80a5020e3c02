package org.energylab.simulation.sampling;

/**
 * The box [min, max]ᵈ, the same interval in every coordinate, to which a target density is confined
 * (it is zero outside). Metropolis and MALA reject every proposal that leaves it, which keeps them
 * exact; unadjusted Langevin cannot reject and is reflected at its walls instead.
 */
public record Box(double min, double max) {
    public Box {
        if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("a box needs finite min < max, not [" + min + ", " + max + "]");
        }
    }

    public double length() {
        return max - min;
    }

    /** Whether the coordinate lies in [min, max]. */
    public boolean contains(double coordinate) {
        return coordinate >= min && coordinate <= max;
    }
}
