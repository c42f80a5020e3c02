package org.energylab.simulation.ebmtraining;

import org.energylab.simulation.ChoiceOption;

/** Where a contrastive loss takes the points ŷ whose energy it pushes up. */
enum NegativeSource implements ChoiceOption {
    /** Points drawn uniformly over the plotted square: cheap, but most of them are far from the data. */
    UNIFORM("uniform", "uniform noise"),
    /** Each data point moved by Gaussian noise of standard deviation 0.3: negatives close to the data. */
    PERTURBED_DATA("perturbed-data", "perturbed data"),
    /** Points the model itself finds likely: a few steps of Langevin dynamics on exp(−F). */
    LANGEVIN("langevin", "Langevin samples");

    private final String id;
    private final String label;

    NegativeSource(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }
}
