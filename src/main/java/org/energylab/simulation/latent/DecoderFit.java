package org.energylab.simulation.latent;

import java.util.Arrays;
import org.energylab.simulation.data.EllipseData;

/**
 * Fits the decoder's w = (w₁, w₂) to data by gradient descent on the mean zero-temperature free
 * energy L(w) = (1/n) Σᵢ min_z ‖yᵢ − g(z)‖². At the minimising code z*ᵢ (found on the grid for all
 * samples in one array computation) the gradient is that of E itself (the envelope theorem):
 * ∂L/∂w₁ = −(2/n) Σᵢ (y₁ᵢ − w₁ r cos z*ᵢ) r cos z*ᵢ, and likewise for w₂ with r sin z*ᵢ.
 */
final class DecoderFit {
    /** Start of a fit of the learned decoder: the unit circle. */
    static final EllipseDecoder START = new EllipseDecoder(1, 1);
    /**
     * Step size. The loss has curvature 2⟨cos² z*⟩ ≈ 1 in w₁ (and likewise in w₂), so a step of 0.5
     * is close to a Newton step: the fit settles in a handful of steps.
     */
    static final double LEARNING_RATE = 0.5;

    private final LatentGrid latent;
    private final double[] cosines;
    private final double[] sines;

    DecoderFit(LatentGrid latent) {
        this.latent = latent;
        this.cosines = latent.cosines();
        this.sines = latent.sines();
    }

    /** Sees the loss before each step and after the last; may throw to stop the fit. */
    interface StepObserver {
        void step(int step, double loss);
    }

    /** Runs {@code steps} gradient steps from {@code start} (none: only the loss of {@code start}). */
    EllipseDecoder fit(EllipseDecoder start, EllipseData data, int steps, StepObserver observer) {
        EllipseDecoder w = start;
        FreeEnergy freeEnergy = new FreeEnergy(w.decode(latent));
        for (int step = 0; ; step++) {
            FreeEnergy.Evaluation best = freeEnergy.evaluate(data.y1(), data.y2(), 1);
            observer.step(step, Arrays.stream(best.zeroTemperature()).average().orElseThrow());
            if (step == steps) {
                return w;
            }
            double grad1 = 0;
            double grad2 = 0;
            for (int i = 0; i < data.size(); i++) {
                int k = (int) best.argmin()[i];
                grad1 -= 2 * (data.y1()[i] - w.w1() * cosines[k]) * cosines[k];
                grad2 -= 2 * (data.y2()[i] - w.w2() * sines[k]) * sines[k];
            }
            int n = data.size();
            w = new EllipseDecoder(w.w1() - LEARNING_RATE * grad1 / n, w.w2() - LEARNING_RATE * grad2 / n);
            freeEnergy.setCodes(w.decode(latent));
        }
    }
}
