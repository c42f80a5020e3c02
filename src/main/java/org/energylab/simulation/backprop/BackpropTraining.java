package org.energylab.simulation.backprop;

import java.util.Arrays;
import org.energylab.simulation.SeriesRecorder;
import org.energylab.simulation.data.LabelledPoints;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.training.StepObserver;
import org.energylab.simulation.training.TrainingStep;

/**
 * The training of lesson 1.3, one minibatch step of the logistic loss at a time, with what is recorded
 * as it goes: every {@code recordEvery} steps (and at the last) the loss, accuracy and multiplier norms
 * on the whole data set, and at {@value BackpropLagrangianSimulation#GAP_CHECKPOINTS} checkpoints the
 * multipliers against autodiff.
 *
 * <p>The loss a step returns is the one on the whole data set as last measured; it is NaN once the
 * loss or a multiplier has overflowed, which ends the training there.
 */
final class BackpropTraining implements TrainingStep, StepObserver {
    private final LabelledPoints data;
    private final Optimiser optimiser;
    private final MinibatchSampler sampler;
    private final MultiplierCheck check;
    private final SeriesRecorder recorder;
    private final Evaluation.Pass whole;
    private final BatchPass training;
    private final double[] batchX;
    private final double[] batchY;
    private final boolean fullBatch;
    private final int batchSize;
    private final long steps;
    private final long recordEvery;
    private Evaluation last;
    private boolean measured;
    private int nextCheckpoint = 1;

    BackpropTraining(
            Mlp mlp,
            LabelledPoints data,
            int batchSize,
            Optimiser optimiser,
            MinibatchSampler sampler,
            MultiplierCheck check,
            SeriesRecorder recorder,
            long steps) {
        this.data = data;
        this.optimiser = optimiser;
        this.sampler = sampler;
        this.check = check;
        this.recorder = recorder;
        this.batchSize = batchSize;
        this.steps = steps;
        this.recordEvery = Math.max(
                1, (steps + BackpropLagrangianSimulation.MAX_RECORDS - 1) / BackpropLagrangianSimulation.MAX_RECORDS);
        this.whole = new Evaluation.Pass(mlp, data);
        this.training = mlp.pass(batchSize);
        this.batchX = new double[batchSize * 2];
        this.batchY = new double[batchSize];
        this.fullBatch = batchSize == data.size();
        if (fullBatch) {
            data.fill(sampler.next(), batchX, batchY);
            training.input(batchX);
        }
    }

    /** Measures and records the untrained network, at step 0, and checks its multipliers. */
    void start() {
        last = whole.evaluate();
        last.record(recorder, 0);
        check.observe();
    }

    /** The last measurement on the whole data set that was finite. */
    Evaluation last() {
        return last;
    }

    @Override
    public double step(long step) {
        if (!fullBatch) {
            data.fill(sampler.next(), batchX, batchY);
            training.input(batchX);
        }
        training.forward();
        LogisticLoss.gradient(training.outputValues(), batchY, batchSize, training.outputGradient());
        training.backward(false);
        optimiser.update(training);
        measured = step % recordEvery == 0 || step == steps;
        if (measured) {
            Evaluation evaluation = whole.evaluate();
            if (!evaluation.finite()) {
                return Double.NaN;
            }
            last = evaluation;
        }
        return last.loss();
    }

    @Override
    public void afterStep(long step, double loss) {
        if (measured) {
            last.record(recorder, step);
        }
        if (step * (BackpropLagrangianSimulation.GAP_CHECKPOINTS - 1) >= (long) nextCheckpoint * steps) {
            check.observe();
            nextCheckpoint++;
        }
    }

    /** Loss, accuracy and multiplier norms on the whole data set. */
    record Evaluation(double loss, double accuracy, double[] multiplierNorms) {
        /** False once training has blown up: an infinite or NaN loss or multiplier. */
        boolean finite() {
            return Double.isFinite(loss) && Arrays.stream(multiplierNorms).allMatch(Double::isFinite);
        }

        void record(SeriesRecorder recorder, long step) {
            recorder.add("loss", step, loss);
            recorder.add("accuracy", step, accuracy);
            for (int k = 0; k < multiplierNorms.length; k++) {
                recorder.add("multiplierNorm" + (k + 1), step, multiplierNorms[k]);
            }
        }

        /** A forward and backward sweep over the whole data set, in buffers reused at every evaluation. */
        static final class Pass {
            private final Mlp mlp;
            private final BatchPass pass;
            private final double[] y;

            Pass(Mlp mlp, LabelledPoints data) {
                this.mlp = mlp;
                this.pass = mlp.pass(data.size());
                this.y = data.y();
                pass.input(data.flatInputs());
            }

            Evaluation evaluate() {
                int n = y.length;
                pass.forward();
                double[] logits = pass.outputValues();
                LogisticLoss.gradient(logits, y, n, pass.outputGradient());
                pass.backward(false);
                // λ_k holds 1/n of each point's multiplier, so √n ‖λ_k‖_F is the RMS of the per-point norms.
                double scale = Math.sqrt(n);
                double[] norms = new double[mlp.layers()];
                for (int k = 1; k <= norms.length; k++) {
                    norms[k - 1] = scale * pass.multiplierNorm(k);
                }
                return new Evaluation(LogisticLoss.cost(logits, y, n), LogisticLoss.accuracy(logits, y, n), norms);
            }
        }
    }

    /** The update rule: plain gradient descent on the weights, or Adam. */
    interface Optimiser {
        void update(BatchPass pass);

        static Optimiser of(String id, Mlp mlp, double learningRate) {
            if (id.equals("adam")) {
                Adam adam = new Adam(mlp, learningRate);
                return adam::update;
            }
            return pass -> mlp.descend(pass, learningRate);
        }
    }
}
