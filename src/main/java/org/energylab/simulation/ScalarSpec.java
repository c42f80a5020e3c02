package org.energylab.simulation;

/**
 * A number a simulation reports, declared as its series are: the key a run's {@link Scalar} is stored
 * under, what it measures and its unit. Exercises that grade a run name a scalar by this key, so the
 * course check can refuse a goal on a number the simulation never produces.
 */
public record ScalarSpec(String name, String label, String unit) {
    public ScalarSpec {
        unit = unit == null ? "" : unit;
    }

    public static ScalarSpec of(String name, String label) {
        return new ScalarSpec(name, label, "");
    }
}
