package org.energylab.simulation.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * libnd4j's own count of the bytes its data buffers hold ({@code Environment.getDeviceCouner}), for
 * tests that check what code allocates and gives back. JavaCPP's {@code Pointer.totalBytes()} does
 * not see these buffers, and {@code physicalBytes()} is the resident size of the whole process.
 */
final class NativeMemory {
    private NativeMemory() {}

    static long bytes() {
        return Nd4j.getEnvironment().getDeviceCouner(0);
    }

    /**
     * The count once the garbage collector has freed what earlier tests left behind: ND4J frees a
     * collected array's buffer from its own thread, so without this the count can drop in the middle
     * of a measurement. After it, only the code under test moves the count up, and only a collection
     * moves it down.
     */
    static long settled() throws InterruptedException {
        long previous = -1;
        long current = bytes();
        for (int i = 0; i < 50 && current != previous; i++) {
            System.gc();
            Thread.sleep(20);
            previous = current;
            current = bytes();
        }
        return current;
    }
}
