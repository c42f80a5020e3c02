package org.energylab.simulation.sampling;

import java.nio.DoubleBuffer;
import java.util.SplittableRandom;
import org.energylab.simulation.energy.Energy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Many independent Markov chains targeting P(x) ∝ exp(−βE(x)) in d dimensions, all held in one n × d
 * ND4J array (one chain per row) and moved together: each step is a fixed, small number of native
 * calls whatever the number of chains, on arrays allocated once. Random numbers come from a {@link
 * SplittableRandom} given by the caller, drawn in a fixed order (the noise chain by chain, coordinate
 * by coordinate, then one uniform per chain for the accept/reject test), so a seed fixes every chain.
 *
 * <p>An optional {@link Box} is part of the target (the density is zero outside it). Metropolis and
 * MALA therefore reject every proposal that leaves it, which keeps them exact; unadjusted Langevin has
 * no rejection step and is reflected at the walls instead.
 *
 * <p>For training an energy-based model the chains can restart from a {@link ReplayBuffer}, and
 * {@link #refresh()} re-evaluates the cached energies after the energy's parameters have changed.
 *
 * <p>The chains own their native arrays: {@link #close()} frees them the moment a run is done with
 * them, rather than whenever the garbage collector gets round to it.
 */
public final class MarkovChains implements AutoCloseable {
    private final Energy energyFunction;
    private final Box domain;
    private final SamplingMethod method;
    private final double beta;
    private final double stepSize;
    private final int chains;
    private final int dimension;
    private final SplittableRandom random;

    private final double[] gaussians;
    private final double[] logUniforms;
    private final double[] proposed;
    private final INDArray y;
    private final INDArray energy;
    private final INDArray gradient;
    private final INDArray proposal;
    private final INDArray proposalEnergy;
    private final INDArray proposalGradient;
    private final INDArray noise;
    private final INDArray logUniform;
    private final INDArray logAcceptance;
    private final INDArray mask;
    /** The accept mask as an n × 1 column (the same memory), to scale whole rows. */
    private final INDArray maskColumn;

    private final INDArray work;
    /** MALA's log proposal ratio per chain: the row sums of {@link #work}, or the same memory when d = 1. */
    private final INDArray workSums;

    private final INDArray accepted;
    private final DoubleBuffer positionsHost;
    private final DoubleBuffer proposalHost;
    private final DoubleBuffer noiseHost;
    private final DoubleBuffer logUniformHost;
    private long countedSteps;
    private boolean closed;

    /** Chains on all of ℝᵈ, with no walls. */
    public MarkovChains(
            Energy target,
            SamplingMethod method,
            double beta,
            double stepSize,
            INDArray start,
            SplittableRandom random) {
        this(target, method, beta, stepSize, start, null, random);
    }

    /**
     * @param target the energy E whose Boltzmann density exp(−βE) the chains sample
     * @param stepSize the proposal's standard deviation s for Metropolis, the time step η for Langevin
     *     and MALA
     * @param start the n × d starting points, one chain per row, copied
     * @param domain the box the target is confined to, or {@code null} for none
     */
    public MarkovChains(
            Energy target,
            SamplingMethod method,
            double beta,
            double stepSize,
            INDArray start,
            Box domain,
            SplittableRandom random) {
        if (!(beta > 0) || !(stepSize > 0)) {
            throw new IllegalArgumentException("β and the step size must be positive, not " + beta + ", " + stepSize);
        }
        if (start.rank() != 2 || start.columns() != target.dimension() || start.rows() < 1) {
            throw new IllegalArgumentException("the start must be n × " + target.dimension() + " with n ≥ 1");
        }
        this.energyFunction = target;
        this.domain = domain;
        this.method = method;
        this.beta = beta;
        this.stepSize = stepSize;
        this.chains = (int) start.rows();
        this.dimension = target.dimension();
        this.random = random;
        gaussians = new double[chains * dimension];
        logUniforms = new double[chains];
        proposed = new double[chains * dimension];
        y = Nd4j.create(DataType.DOUBLE, chains, dimension).assign(start);
        proposal = y.ulike();
        proposalGradient = y.ulike();
        noise = y.ulike();
        work = y.ulike();
        gradient = y.ulike();
        energy = Nd4j.create(DataType.DOUBLE, chains);
        proposalEnergy = energy.ulike();
        logUniform = energy.ulike();
        logAcceptance = energy.ulike();
        mask = energy.ulike();
        maskColumn = mask.reshape(chains, 1);
        workSums = dimension == 1 ? work.reshape(chains) : energy.ulike();
        accepted = Nd4j.zeros(DataType.DOUBLE, chains);
        positionsHost = y.data().asNioDouble();
        proposalHost = proposal.data().asNioDouble();
        noiseHost = noise.data().asNioDouble();
        logUniformHost = logUniform.data().asNioDouble();
        checkInsideDomain();
        refresh();
    }

    /** Moves every chain one step. */
    public void step() {
        checkOpen();
        switch (method) {
            case METROPOLIS -> metropolis();
            case LANGEVIN -> langevin();
            case MALA -> mala();
        }
        countedSteps++;
    }

    private void metropolis() {
        // y' = y + s·ξ, a symmetric proposal: log α = −β(E(y') − E(y)).
        fillNoise(stepSize);
        y.add(noise, proposal);
        energyFunction.energy(proposal, proposalEnergy);
        proposalEnergy.sub(energy, logAcceptance).muli(-beta);
        acceptOrReject();
    }

    private void langevin() {
        // y ← y − η∇E(y) + √(2η/β)·ξ, then reflected back into the domain.
        energyFunction.gradient(y, gradient);
        axpy(-stepSize, gradient, y);
        fillNoise(Math.sqrt(2 * stepSize / beta));
        y.addi(noise);
        if (domain != null) {
            reflectAtWalls();
        }
    }

    private void mala() {
        // Proposal y' = y − η∇E(y) + σξ with σ² = 2η/β, so q(y'|y) ∝ exp(−|y' − y + η∇E(y)|²/(2σ²)).
        double sigma = Math.sqrt(2 * stepSize / beta);
        fillNoise(sigma);
        y.add(noise, proposal);
        axpy(-stepSize, gradient, proposal);
        energyFunction.energy(proposal, proposalEnergy);
        energyFunction.gradient(proposal, proposalGradient);
        // log α = −β(E' − E) + log q(y|y') − log q(y'|y); the forward residual y' − y + η∇E(y) is the noise σξ.
        y.sub(proposal, work);
        axpy(stepSize, proposalGradient, work);
        work.muli(work).subi(noise.muli(noise)).muli(-1 / (2 * sigma * sigma));
        if (dimension > 1) {
            work.sum(workSums, 1);
        }
        proposalEnergy.sub(energy, logAcceptance).muli(-beta).addi(workSums);
        acceptOrReject();
    }

    /**
     * Accepts each chain's proposal with probability min(1, exp(logAcceptance)) if it lies inside the
     * domain, and moves the accepted chains (position, energy and, for MALA, gradient).
     */
    private void acceptOrReject() {
        // log u for every chain, drawn in the same loop that checks the domain: a proposal outside it
        // gets log u = +∞ and is never accepted.
        proposalHost.get(0, proposed);
        for (int i = 0; i < chains; i++) {
            double u = random.nextDouble();
            logUniforms[i] = isInside(proposed, i) ? Math.log(u) : Double.POSITIVE_INFINITY;
        }
        logUniformHost.put(0, logUniforms);
        // Accept where log u < log α, i.e. where log α − log u > 0.
        logAcceptance.subi(logUniform);
        Nd4j.getExecutioner().exec(new Step(logAcceptance, mask, 0.0));

        y.addi(proposal.subi(y).muliColumnVector(maskColumn));
        energy.addi(proposalEnergy.subi(energy).muli(mask));
        if (method == SamplingMethod.MALA) {
            gradient.addi(proposalGradient.subi(gradient).muliColumnVector(maskColumn));
        }
        accepted.addi(mask);
    }

    private boolean isInside(double[] points, int chain) {
        if (domain == null) {
            return true;
        }
        for (int j = chain * dimension; j < (chain + 1) * dimension; j++) {
            if (!domain.contains(points[j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Folds points that left [min, max] back in, as if reflected at the walls as often as needed: y ←
     * max − |L − (|y − min| mod 2L)|, which leaves points inside unchanged. A loop over the host copy
     * of the positions: as ND4J operations, four of them scalar operations, each of those would
     * allocate a one-element array at every step, left for the garbage collector to free.
     */
    private void reflectAtWalls() {
        int n = chains * dimension;
        positionsHost.get(0, proposed, 0, n);
        double length = domain.length();
        for (int i = 0; i < n; i++) {
            proposed[i] = domain.max() - Math.abs(length - Math.abs(proposed[i] - domain.min()) % (2 * length));
        }
        positionsHost.put(0, proposed, 0, n);
    }

    private void fillNoise(double scale) {
        for (int i = 0; i < gaussians.length; i++) {
            gaussians[i] = scale * random.nextGaussian();
        }
        noiseHost.put(0, gaussians);
    }

    private static void axpy(double a, INDArray x, INDArray target) {
        Nd4j.getBlasWrapper().level1().axpy(x.length(), a, x, target);
    }

    // ------------------------------------------------------------------ restarts

    /**
     * Re-evaluates the energies (and gradients) the chains keep for their current positions: call it
     * after the energy itself has changed, e.g. after a training step on its parameters.
     */
    public void refresh() {
        energyFunction.energy(y, energy);
        energyFunction.gradient(y, gradient);
    }

    /** Moves every chain to new points, n × d in row-major order ({@code points[i·d + j]}). */
    public void moveTo(double[] points) {
        checkOpen();
        if (points.length != chains * dimension) {
            throw new IllegalArgumentException("expected " + chains * dimension + " coordinates, got " + points.length);
        }
        positionsHost.put(0, points);
        checkInsideDomain();
        refresh();
    }

    /**
     * Restarts the chains from a replay buffer: a fraction of them from past samples, the others from
     * {@code fresh} (see {@link ReplayBuffer#drawStarts}). Returns how many came from the buffer.
     */
    public int restartFrom(ReplayBuffer buffer, ReplayBuffer.FreshStart fresh) {
        int reused = buffer.drawStarts(proposed, chains, fresh);
        moveTo(proposed);
        return reused;
    }

    /** Adds the current position of every chain to a replay buffer. */
    public void saveTo(ReplayBuffer buffer) {
        copyPositions(proposed);
        buffer.add(proposed, chains);
    }

    private void checkInsideDomain() {
        if (domain == null) {
            return;
        }
        copyPositions(proposed);
        for (int i = 0; i < chains; i++) {
            if (!isInside(proposed, i)) {
                throw new IllegalArgumentException(
                        "chain " + i + " starts outside the box [" + domain.min() + ", " + domain.max() + "]");
            }
        }
    }

    // ------------------------------------------------------------------ state

    public int chains() {
        return chains;
    }

    public int dimension() {
        return dimension;
    }

    /** The chains' positions, n × d, live: read them, do not change them (use {@link #moveTo}). */
    public INDArray positions() {
        return y;
    }

    /** The chains' current energies, a vector of n, live: read only. */
    public INDArray energies() {
        return energy;
    }

    /** Copies every chain's position into {@code target} (n × d in row-major order), without allocating. */
    public void copyPositions(double[] target) {
        checkOpen();
        positionsHost.get(0, target, 0, chains * dimension);
    }

    /** One coordinate of one chain. */
    public double position(int chain, int coordinate) {
        checkOpen();
        return positionsHost.get(chain * dimension + coordinate);
    }

    /** Starts counting acceptances afresh, e.g. at the end of the burn-in. */
    public void resetAcceptance() {
        accepted.assign(0);
        countedSteps = 0;
    }

    /**
     * The fraction of proposals accepted since the last reset, over all chains; NaN before the first
     * step, and 1 for unadjusted Langevin, which accepts every move.
     */
    public double acceptanceRate() {
        if (countedSteps == 0) {
            return Double.NaN;
        }
        if (!method.rejects()) {
            return 1;
        }
        return accepted.sumNumber().doubleValue() / ((double) chains * countedSteps);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("these chains' memory was released");
        }
    }

    /** Frees every native array of the chains; they cannot be used afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (INDArray array : new INDArray[] {
            y,
            proposal,
            proposalGradient,
            noise,
            work,
            gradient,
            energy,
            proposalEnergy,
            logUniform,
            logAcceptance,
            mask,
            accepted
        }) {
            array.close();
        }
        if (dimension != 1) {
            workSums.close();
        }
    }
}
