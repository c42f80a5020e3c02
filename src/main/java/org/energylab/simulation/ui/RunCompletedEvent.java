package org.energylab.simulation.ui;

import com.vaadin.flow.component.ComponentEvent;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.SimulationResult;

/** Fired by a {@link SimulationPanel} when one of its runs finishes, for exercises graded from runs. */
public class RunCompletedEvent extends ComponentEvent<SimulationPanel> {
    private final Parameters parameters;
    private final SimulationResult result;

    RunCompletedEvent(SimulationPanel source, Parameters parameters, SimulationResult result) {
        super(source, false);
        this.parameters = parameters;
        this.result = result;
    }

    public String simulation() {
        return getSource().simulation().id();
    }

    public Parameters parameters() {
        return parameters;
    }

    public SimulationResult result() {
        return result;
    }
}
