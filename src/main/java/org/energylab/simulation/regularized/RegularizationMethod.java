package org.energylab.simulation.regularized;

import org.energylab.simulation.ChoiceOption;

/** How the model limits the volume of low energy: the dimension of the code, its number of values, or a penalty. */
enum RegularizationMethod implements ChoiceOption {
    PCA("pca", "PCA: a code of few dimensions"),
    KMEANS("kmeans", "K-means: a one-hot code over K centroids"),
    SPARSE_CODING("sparse-coding", "sparse coding: an L1 penalty on the code");

    private final String id;
    private final String label;

    RegularizationMethod(String id, String label) {
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
