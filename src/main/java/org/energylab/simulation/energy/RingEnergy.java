package org.energylab.simulation.energy;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A ring of radius R and width s in the plane (or a spherical shell in d dimensions): E(x) = (|x| −
 * R)² / (2s²), lowest on the whole circle |x| = R. Its gradient is ((|x| − R)/s²) x/|x|, taken as zero
 * at the centre, where the energy is not differentiable. The Boltzmann density at β = 1 is the "ring"
 * data set of the diffusion lesson (R = √2, s = 0.05) seen as an energy.
 */
public final class RingEnergy implements Energy {
    /** Radii below this count as the centre, where the gradient is set to zero. */
    private static final double CENTRE = 1e-12;

    private final int dimension;
    private final double radius;
    private final double width;
    private INDArray squares;
    private INDArray norms;
    /** (r − R)/(s² r) as a column, and the same memory as a vector. */
    private INDArray factor;

    private INDArray factorVector;

    public RingEnergy(int dimension, double radius, double width) {
        if (dimension < 1) {
            throw new IllegalArgumentException("the dimension must be at least 1, not " + dimension);
        }
        if (!(radius >= 0) || !(width > 0)) {
            throw new IllegalArgumentException("a ring needs radius ≥ 0 and width > 0");
        }
        this.dimension = dimension;
        this.radius = radius;
        this.width = width;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public double radius() {
        return radius;
    }

    public double width() {
        return width;
    }

    @Override
    public INDArray energy(INDArray x, INDArray out) {
        checkBatch(x);
        INDArray distance = norms(x, out).subi(radius);
        return distance.muli(distance).muli(1 / (2 * width * width));
    }

    @Override
    public INDArray gradient(INDArray x, INDArray out) {
        checkBatch(x);
        INDArray r = norms(x, norms);
        // The factor (r − R)/(s² r) scales each row; r is kept away from 0, where x = 0 and the product is 0.
        factorVector.assign(r).subi(radius);
        factorVector.divi(Transforms.max(r, CENTRE, false)).muli(1 / (width * width));
        return out.assign(x).muliColumnVector(factor);
    }

    /** Writes |xᵢ| into {@code target} (a vector of n). */
    private INDArray norms(INDArray x, INDArray target) {
        if (squares == null || squares.rows() != x.rows() || squares.dataType() != x.dataType()) {
            squares = x.ulike();
            norms = Nd4j.create(x.dataType(), x.rows());
            factor = Nd4j.create(x.dataType(), x.rows(), 1);
            factorVector = factor.reshape(x.rows());
        }
        return Transforms.sqrt(squares.assign(x).muli(x).sum(target, 1), false);
    }
}
