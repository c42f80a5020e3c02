package org.energylab.simulation;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ND4J once: double precision, and one native thread per operation. Runs go in parallel on
 * the executor's workers instead; ND4J's own threads would fight them for the same cores and, on
 * the small arrays of a lesson, cost more than they save.
 */
public final class Nd4jRuntime {
    private static final Logger log = LoggerFactory.getLogger(Nd4jRuntime.class);
    private static volatile boolean started;

    private Nd4jRuntime() {}

    public static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        long start = System.nanoTime();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        Nd4j.create(DataType.DOUBLE, 1).addi(1.0);
        started = true;
        log.info("ND4J ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
