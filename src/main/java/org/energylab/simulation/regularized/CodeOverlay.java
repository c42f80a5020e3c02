package org.energylab.simulation.regularized;

import org.energylab.simulation.SeriesRecorder;

/** What the code can reach, drawn over the energy map: centroids, the principal subspace, or the atoms. */
final class CodeOverlay {
    /** Points drawn along a principal line across the square. */
    private static final int LINE_POINTS = 81;

    private CodeOverlay() {}

    static void record(ReconstructionEnergy model, SeriesRecorder recorder, double[][] data, double extent) {
        if (model instanceof KMeans kmeans) {
            for (double[] w : kmeans.centroids()) {
                recorder.add("centroids", w[0], w[1]);
            }
        } else if (model instanceof PrincipalSubspace pca) {
            subspace(pca, recorder, extent);
        } else if (model instanceof SparseCoding sparse) {
            atoms(sparse, recorder, data);
        }
    }

    /** The mean alone (k = 0), or the principal line μ + t u₁ where it crosses the square (k = 1). */
    private static void subspace(PrincipalSubspace pca, SeriesRecorder recorder, double extent) {
        if (pca.components() == 0) {
            recorder.add("subspace", pca.mean1(), pca.mean2());
        } else if (pca.components() == 1) {
            double[] u = pca.directions()[0];
            double reach = 2 * extent * Math.sqrt(2);
            for (int i = 0; i < LINE_POINTS; i++) {
                double t = -reach + 2 * reach * i / (LINE_POINTS - 1);
                double y1 = pca.mean1() + t * u[0];
                double y2 = pca.mean2() + t * u[1];
                if (Math.abs(y1) <= extent && Math.abs(y2) <= extent) {
                    recorder.add("subspace", y1, y2);
                }
            }
        }
    }

    /** μ + s_j d_j for every atom a data point uses, with s_j the mean of its code over those points. */
    private static void atoms(SparseCoding sparse, SeriesRecorder recorder, double[][] data) {
        double[][] atoms = sparse.atoms();
        double[] sum = new double[atoms.length];
        int[] count = new int[atoms.length];
        double[] z = new double[atoms.length];
        for (double[] p : data) {
            sparse.code(p[0] - sparse.mean1(), p[1] - sparse.mean2(), z);
            for (int j = 0; j < atoms.length; j++) {
                if (z[j] != 0) {
                    sum[j] += z[j];
                    count[j]++;
                }
            }
        }
        recorder.add("atoms", sparse.mean1(), sparse.mean2());
        for (int j = 0; j < atoms.length; j++) {
            if (count[j] > 0) {
                double s = sum[j] / count[j];
                recorder.add("atoms", sparse.mean1() + s * atoms[j][0], sparse.mean2() + s * atoms[j][1]);
            }
        }
    }
}
