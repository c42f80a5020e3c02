package org.energylab.simulation;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ND4J once: double precision, and one native thread per operation. Runs go in parallel on
 * the executor's workers instead; ND4J's own threads would fight them for the same cores and, on
 * the small arrays of a lesson, cost more than they save.
 *
 * <p>Loading the native libraries takes one to three seconds. The application starts it in the
 * background ({@link #startInBackground()}) so that it answers its first requests meanwhile; a run
 * calls {@link #ensureStarted()} first and waits for it if it is not finished yet.
 */
public final class Nd4jRuntime {
    private static final Logger log = LoggerFactory.getLogger(Nd4jRuntime.class);
    private static volatile boolean started;

    private Nd4jRuntime() {}

    /** Starts ND4J on a thread of its own and returns at once. */
    public static void startInBackground() {
        if (started) {
            return;
        }
        Thread starter = new Thread(
                () -> {
                    try {
                        ensureStarted();
                    } catch (RuntimeException | LinkageError e) {
                        // The first run tries again and reports the failure to its learner.
                        log.error("ND4J failed to start", e);
                    }
                },
                "nd4j-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Starts ND4J, or waits until the start under way has finished. */
    public static void ensureStarted() {
        if (!started) {
            start();
        }
    }

    private static synchronized void start() {
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
