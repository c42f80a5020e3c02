package org.energylab.simulation;

/**
 * What a run is expected to cost on this project's reference machine, one thread: its wall-clock
 * time and the peak of the memory it holds (ND4J arrays and large Java arrays) while it runs.
 */
public record Cost(double seconds, long bytes) {
    public static final long MEGABYTE = 1L << 20;

    public Cost {
        if (!(seconds >= 0) || bytes < 0) {
            throw new IllegalArgumentException("a cost is not negative: " + seconds + " s, " + bytes + " bytes");
        }
    }

    public double megabytes() {
        return (double) bytes / MEGABYTE;
    }

    @Override
    public String toString() {
        return String.format("%.2f s, %.1f MB", seconds, megabytes());
    }
}
