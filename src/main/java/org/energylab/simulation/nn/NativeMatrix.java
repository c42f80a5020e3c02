package org.energylab.simulation.nn;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense row-major double matrix in ND4J's native memory, with the two ways in that the network
 * uses: bulk copies to and from Java arrays, and BLAS's dgemm on the memory in place.
 *
 * <p>The pointer and the buffer view are made once, so neither a copy nor a product allocates.
 * dgemm goes straight to the OpenBLAS that ND4J itself calls: ND4J's own {@code Nd4j.gemm} first
 * spends tens of microseconds in Java-side checks, more than the product of a lesson's layers takes.
 */
final class NativeMatrix {
    private final INDArray array;
    private final int rows;
    private final int columns;
    private final DoublePointer pointer;
    private final DoubleBuffer buffer;
    private final boolean owned;

    private NativeMatrix(INDArray array, boolean owned) {
        if (array.dataType() != DataType.DOUBLE
                || array.rank() != 2
                || array.ordering() != 'c'
                || (array.length() > 1 && array.elementWiseStride() != 1)) {
            throw new IllegalArgumentException(
                    "expected a dense row-major double matrix, got " + array.shapeInfoToString());
        }
        this.array = array;
        this.owned = owned;
        this.rows = (int) array.rows();
        this.columns = (int) array.columns();
        int length = rows * columns;
        this.pointer = new DoublePointer(array.data().addressPointer()).capacity(length);
        this.buffer = pointer.asBuffer();
    }

    /** A new zero matrix that this object owns: {@link #close()} frees it. */
    static NativeMatrix allocate(int rows, int columns) {
        return new NativeMatrix(Nd4j.create(DataType.DOUBLE, rows, columns), true);
    }

    /** The memory of an existing matrix or dense view, still owned by its array. */
    static NativeMatrix over(INDArray array) {
        return new NativeMatrix(array, false);
    }

    INDArray array() {
        return array;
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    /** The first {@code count} values, row by row, into {@code target}. */
    void read(double[] target, int count) {
        buffer.get(0, target, 0, count);
    }

    /** The first {@code count} values, row by row, from {@code source}. */
    void write(double[] source, int count) {
        buffer.put(0, source, 0, count);
    }

    /** The first {@code count} values, row by row, from {@code source} starting at {@code from}. */
    void write(double[] source, int from, int count) {
        buffer.put(0, source, from, count);
    }

    double get(int index) {
        return buffer.get(index);
    }

    void set(int index, double value) {
        buffer.put(index, value);
    }

    /**
     * C ← α op(A) op(B) + β C over the first m rows of C, with op(A) m × k and op(B) k × n, where
     * op transposes when asked. The transposes are BLAS flags, not copies.
     */
    static void gemm(
            int m,
            int n,
            int k,
            double alpha,
            NativeMatrix a,
            boolean transposeA,
            NativeMatrix b,
            boolean transposeB,
            double beta,
            NativeMatrix c) {
        a.checkOperand(transposeA ? k : m, transposeA ? m : k);
        b.checkOperand(transposeB ? n : k, transposeB ? k : n);
        c.checkOperand(m, n);
        cblas_dgemm(
                CblasRowMajor,
                transposeA ? CblasTrans : CblasNoTrans,
                transposeB ? CblasTrans : CblasNoTrans,
                m,
                n,
                k,
                alpha,
                a.pointer,
                a.columns,
                b.pointer,
                b.columns,
                beta,
                c.pointer,
                c.columns);
    }

    /** BLAS reads past the end of a matrix without a word, so the shapes are checked here. */
    private void checkOperand(int storedRows, int storedColumns) {
        if (storedRows > rows || storedColumns != columns) {
            throw new IllegalArgumentException("a " + storedRows + " × " + storedColumns + " operand does not fit a "
                    + rows + " × " + columns + " matrix");
        }
    }

    /** Frees the memory if this object allocated it; the caller must not use it afterwards. */
    void close() {
        if (owned && !array.wasClosed()) {
            array.close();
        }
    }
}
