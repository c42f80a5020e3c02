package org.energylab.simulation.jointembedding;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions between ND4J matrices and Java rows through one flat buffer each way; ND4J's own
 * {@code toDoubleMatrix} copies row by row and costs far more than the network it reads from.
 */
final class Rows {
    private Rows() {}

    static INDArray toMatrix(double[][] rows) {
        int columns = rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        return Nd4j.create(flat, new long[] {rows.length, columns}, 'c');
    }

    static double[][] fromMatrix(INDArray matrix) {
        int rowCount = (int) matrix.rows();
        int columns = (int) matrix.columns();
        // A fresh C-ordered matrix (what a layer returns) can be read straight from its buffer.
        INDArray dense = matrix.ordering() == 'c' && !matrix.isView() ? matrix : matrix.dup('c');
        double[] flat = dense.data().asDouble();
        double[][] rows = new double[rowCount][columns];
        for (int i = 0; i < rowCount; i++) {
            System.arraycopy(flat, i * columns, rows[i], 0, columns);
        }
        return rows;
    }
}
