package org.energylab.simulation.jointembedding;

/** Conversions between rows of points, {@code double[][]}, and the flat row-by-row arrays a network pass reads. */
final class Rows {
    private Rows() {}

    /** Copies the rows into {@code flat} from row {@code fromRow} on. */
    static void flatten(double[][] rows, double[] flat, int fromRow) {
        for (int i = 0; i < rows.length; i++) {
            int columns = rows[i].length;
            System.arraycopy(rows[i], 0, flat, (fromRow + i) * columns, columns);
        }
    }

    /** {@code count} rows of {@code columns} values each, from row {@code fromRow} of {@code flat}. */
    static double[][] rows(double[] flat, int fromRow, int count, int columns) {
        double[][] rows = new double[count][columns];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat, (fromRow + i) * columns, rows[i], 0, columns);
        }
        return rows;
    }
}
