package org.energylab.simulation.ode;

import org.energylab.simulation.ChoiceOption;

/** What one step of an {@link IntegrationMethod} costs, for the cost models of the simulations that integrate. */
public final class IntegrationWork {
    private IntegrationWork() {}

    /** Evaluations of the acceleration per step: one for the Euler methods, two for Verlet, four for RK4. */
    public static int accelerations(String integratorId) {
        return switch (ChoiceOption.byId(IntegrationMethod.class, integratorId)) {
            case EXPLICIT_EULER, SYMPLECTIC_EULER -> 1;
            case VELOCITY_VERLET -> 2;
            case RK4 -> 4;
        };
    }

    /** Steps of a run of {@code duration} with step {@code dt}, as the simulations count them. */
    public static long steps(double duration, double dt) {
        return Math.max(1, Math.round(duration / dt));
    }
}
