package org.energylab.simulation.boltzmann;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarFMod;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Many independent Markov chains targeting P(y) ∝ exp(−βE(y)) on a finite domain, all held in one
 * ND4J vector and moved together: each step is a fixed, small number of native calls whatever the
 * number of chains, on arrays allocated once. Random numbers come from a {@link SplittableRandom}
 * seeded by the run, so a seed fixes every chain.
 *
 * <p>The domain is part of the target (the density is zero outside it). Metropolis and MALA
 * therefore reject every proposal that leaves it, which keeps them exact; unadjusted Langevin has no
 * rejection step and is reflected at the walls instead.
 */
final class MarkovChains {
    private final Landscape landscape;
    private final Domain domain;
    private final SamplingMethod method;
    private final double beta;
    private final double stepSize;
    private final int chains;
    private final SplittableRandom random;

    private final double[] gaussians;
    private final double[] logUniforms;
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
    private final INDArray work;
    private final INDArray accepted;
    private long countedSteps;

    /**
     * @param stepSize the proposal's standard deviation s for Metropolis, the time step η for Langevin
     *     and MALA
     */
    MarkovChains(
            Landscape landscape,
            Domain domain,
            SamplingMethod method,
            double beta,
            double stepSize,
            int chains,
            double start,
            long seed) {
        this.landscape = landscape;
        this.domain = domain;
        this.method = method;
        this.beta = beta;
        this.stepSize = stepSize;
        this.chains = chains;
        this.random = new SplittableRandom(seed);
        gaussians = new double[chains];
        logUniforms = new double[chains];
        y = Nd4j.valueArrayOf(new long[] {chains}, start);
        energy = landscape.energy(y);
        gradient = landscape.gradient(y);
        proposal = y.ulike();
        proposalEnergy = y.ulike();
        proposalGradient = y.ulike();
        noise = y.ulike();
        logUniform = y.ulike();
        logAcceptance = y.ulike();
        mask = y.ulike();
        work = y.ulike();
        accepted = Nd4j.zeros(y.dataType(), chains);
    }

    /** Moves every chain one step. */
    void step() {
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
        landscape.energy(proposal, proposalEnergy);
        proposalEnergy.sub(energy, logAcceptance).muli(-beta);
        acceptOrReject();
    }

    private void langevin() {
        // y ← y − η∇E(y) + √(2η/β)·ξ, then reflected back into the domain.
        landscape.gradient(y, gradient);
        axpy(-stepSize, gradient, y);
        fillNoise(Math.sqrt(2 * stepSize / beta));
        y.addi(noise);
        reflectIntoDomain(y);
    }

    private void mala() {
        // Proposal y' = y − η∇E(y) + σξ with σ² = 2η/β, so q(y'|y) ∝ exp(−(y' − y + η∇E(y))²/(2σ²)).
        double sigma = Math.sqrt(2 * stepSize / beta);
        fillNoise(sigma);
        y.add(noise, proposal);
        axpy(-stepSize, gradient, proposal);
        landscape.energy(proposal, proposalEnergy);
        landscape.gradient(proposal, proposalGradient);
        // log α = −β(E' − E) + log q(y|y') − log q(y'|y); the forward residual y' − y + η∇E(y) is the noise σξ.
        y.sub(proposal, work);
        axpy(stepSize, proposalGradient, work);
        work.muli(work).subi(noise.muli(noise)).muli(-1 / (2 * sigma * sigma));
        proposalEnergy.sub(energy, logAcceptance).muli(-beta).addi(work);
        acceptOrReject();
    }

    /**
     * Accepts each chain's proposal with probability min(1, exp(logAcceptance)) if it lies inside the
     * domain, and moves the accepted chains (position, energy and, for MALA, gradient).
     */
    private void acceptOrReject() {
        // log u for every chain, drawn in the same loop that checks the domain: a proposal outside it
        // gets log u = +∞ and is never accepted.
        double[] proposed = proposal.data().asDouble();
        for (int i = 0; i < chains; i++) {
            double u = random.nextDouble();
            boolean inside = proposed[i] >= domain.min() && proposed[i] <= domain.max();
            logUniforms[i] = inside ? Math.log(u) : Double.POSITIVE_INFINITY;
        }
        logUniform.data().setData(logUniforms);
        // Accept where log u < log α, i.e. where log α − log u > 0.
        logAcceptance.subi(logUniform);
        Nd4j.getExecutioner().exec(new Step(logAcceptance, mask, 0.0));

        y.addi(proposal.subi(y).muli(mask));
        energy.addi(proposalEnergy.subi(energy).muli(mask));
        if (method == SamplingMethod.MALA) {
            gradient.addi(proposalGradient.subi(gradient).muli(mask));
        }
        accepted.addi(mask);
    }

    /**
     * Folds points that left [min, max] back in, as if reflected at the walls as often as needed: y ←
     * max − |L − (|y − min| mod 2L)|, which leaves points inside unchanged.
     */
    private void reflectIntoDomain(INDArray v) {
        v.subi(domain.min());
        Transforms.abs(v, false);
        Nd4j.getExecutioner().exec(new ScalarFMod(v, null, v, 2 * domain.length()));
        v.rsubi(domain.length());
        Transforms.abs(v, false);
        v.rsubi(domain.max());
    }

    private void fillNoise(double scale) {
        for (int i = 0; i < chains; i++) {
            gaussians[i] = scale * random.nextGaussian();
        }
        noise.data().setData(gaussians);
    }

    private static void axpy(double a, INDArray x, INDArray target) {
        Nd4j.getBlasWrapper().level1().axpy(x.length(), a, x, target);
    }

    /** The current position of every chain, copied out. */
    double[] positions() {
        return y.data().asDouble();
    }

    /** The current position of one chain. */
    double position(int chain) {
        return y.getDouble(chain);
    }

    /** Starts counting acceptances afresh, e.g. at the end of the burn-in. */
    void resetAcceptance() {
        accepted.assign(0);
        countedSteps = 0;
    }

    /** The fraction of proposals accepted since the last reset, over all chains. */
    double acceptanceRate() {
        return countedSteps == 0 ? Double.NaN : accepted.sumNumber().doubleValue() / ((double) chains * countedSteps);
    }
}
