package org.energylab.simulation.regularized;

/**
 * A fitted regularised energy-based model of points y in the plane: the free energy F(y) = min_z
 * E(y, z), where E(y, z) is the squared error of reconstructing y from the code z plus the
 * method's penalty on z. F is a squared distance in the data's own units, so an absolute threshold
 * on it means something.
 */
interface ReconstructionEnergy {

    /** F(y) = min_z E(y, z), penalty included. */
    double energy(double y1, double y2);

    /** ‖y − ỹ‖², the squared reconstruction error at the best code, without the penalty. */
    default double reconstructionError(double y1, double y2) {
        return energy(y1, y2);
    }
}
