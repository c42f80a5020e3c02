package org.energylab.simulation.pendulum;

import org.energylab.simulation.ChoiceOption;

/** Gravity presets. Planet X's value is the answer to an exercise, so no page ever shows it. */
enum Planet implements ChoiceOption {
    CUSTOM("custom", "Custom (set g)", Double.NaN),
    EARTH("earth", "Earth", 9.81),
    MOON("moon", "Moon", 1.62),
    JUPITER("jupiter", "Jupiter", 24.79),
    PLANET_X("planet-x", "Planet X (g unknown)", 5.5);

    private final String id;
    private final String label;
    private final double gravity;

    Planet(String id, String label, double gravity) {
        this.id = id;
        this.label = label;
        this.gravity = gravity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    /** The planet's g, or {@code custom} for the custom planet. */
    double gravity(double custom) {
        return this == CUSTOM ? custom : gravity;
    }
}
