package org.energylab.simulation.ebmtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contrastive losses of lesson 5.2 against central differences of their own values, and by hand. */
class EnergyLossTest {

    @ParameterizedTest
    @EnumSource(value = EnergyLoss.class, names = "SCORE_MATCHING", mode = EnumSource.Mode.EXCLUDE)
    void eachGradientIsTheDerivativeOfItsLoss(EnergyLoss loss) {
        int b = 6;
        SplittableRandom random = new SplittableRandom(3);
        double[] f = new double[2 * b];
        for (int i = 0; i < f.length; i++) {
            f[i] = 3 * random.nextDouble() - 1;
        }
        double[] g = new double[2 * b];
        loss.apply(f, b, b, g);
        double h = 1e-6;
        for (int i = 0; i < f.length; i++) {
            double[] up = f.clone();
            double[] down = f.clone();
            up[i] += h;
            down[i] -= h;
            double numeric =
                    (loss.apply(up, b, b, new double[2 * b]) - loss.apply(down, b, b, new double[2 * b])) / (2 * h);
            assertThat(g[i]).as("row %d", i).isCloseTo(numeric, within(1e-6));
        }
    }

    @Test
    void theHingeIsZeroOnceEveryNegativeIsAMarginAbove() {
        double[] f = {0.0, 0.2, 1.5, 1.2};
        double[] g = new double[4];
        assertThat(EnergyLoss.HINGE.apply(f, 2, 2, g)).isZero();
        assertThat(g).containsOnly(0.0);
        // One pair short of the margin by 0.5: loss 0.5 / 2.
        f[3] = 0.7;
        assertThat(EnergyLoss.HINGE.apply(f, 2, 2, g)).isCloseTo(0.25, within(1e-12));
        assertThat(g).containsExactly(0, 0.5, 0, -0.5);
    }

    @Test
    void theNllIsTheLogOfOnePlusTheNegativesOddsForEqualEnergies() {
        // Every energy equal: P(y) = 1/(m + 1), so L = log(m + 1) + α F².
        double[] f = {0.5, 0.5, 0.5, 0.5, 0.5};
        double loss = EnergyLoss.NLL.apply(f, 2, 3, new double[5]);
        assertThat(loss).isCloseTo(Math.log(4) + EnergyLoss.NLL_ANCHOR * 0.25, within(1e-12));
    }
}
