package org.energylab.simulation.ebmtraining;

import java.util.ArrayList;
import java.util.List;
import org.energylab.simulation.Axis;
import org.energylab.simulation.Grid;
import org.energylab.simulation.ProgressSink;

/** The energy on the plotted grid at the steps where a run takes a picture, to be played back as an animation. */
final class SurfaceFrames {
    static final Axis Y1 = new Axis("y₁", "");
    static final Axis Y2 = new Axis("y₂", "");

    private final PlotDomain domain;
    private final List<Grid.Frame> frames = new ArrayList<>();

    SurfaceFrames(PlotDomain domain) {
        this.domain = domain;
    }

    /** Keeps the grid's energies at {@code step}, in the order of {@link PlotDomain#points()}. */
    void add(long step, double[] energies) {
        frames.add(new Grid.Frame(step, domain.asGrid(energies)));
    }

    int size() {
        return frames.size();
    }

    Grid grid(String label, Axis value) {
        return Grid.animated(label, Y1, Y2, value, domain.axis(), domain.axis(), frames);
    }

    /** Sends the latest frame, alone, to the run's progress as a preview of grid {@code name}. */
    void preview(ProgressSink progress, String name, String label, Axis value) {
        double[][] values = frames.get(frames.size() - 1).values();
        progress.grid(name, new Grid(label, Y1, Y2, value, domain.axis(), domain.axis(), values));
    }

    /** A scalar that may be NaN (a run that diverged): unavailable, with the reason, rather than NaN. */
    static org.energylab.simulation.Scalar scalar(String label, double value) {
        return Double.isFinite(value)
                ? org.energylab.simulation.Scalar.of(label, value, "")
                : org.energylab.simulation.Scalar.unavailable(label, "", "training diverged: lower the learning rate");
    }
}
