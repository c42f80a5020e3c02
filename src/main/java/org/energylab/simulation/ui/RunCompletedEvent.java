package org.energylab.simulation.ui;

import com.vaadin.flow.component.ComponentEvent;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.SimulationResult;

/** Fired by a {@link SimulationPanel} when one of its runs finishes, for exercises graded from runs. */
public class RunCompletedEvent extends ComponentEvent<SimulationPanel> {
    private final Parameters parameters;
    private final Long seed;
    private final SimulationResult result;

    RunCompletedEvent(SimulationPanel source, Parameters parameters, Long seed, SimulationResult result) {
        super(source, false);
        this.parameters = parameters;
        this.seed = seed;
        this.result = result;
    }

    public String simulation() {
        return getSource().simulation().id();
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The run's seed, null for a simulation whose result no seed changes. */
    public Long seed() {
        return seed;
    }

    public SimulationResult result() {
        return result;
    }
}
