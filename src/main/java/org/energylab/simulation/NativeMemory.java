package org.energylab.simulation;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;

/**
 * Bounds on ND4J's native memory, and giving it back after a run.
 *
 * <p>ND4J frees an array's native buffer only after the garbage collector has found the array
 * unreachable, and the Java heap barely notices these small objects, so without a bound the native
 * memory of finished runs piles up for gigabytes. JavaCPP checks the process's resident size
 * whenever ND4J allocates, and above {@code org.bytedeco.javacpp.maxPhysicalBytes} runs the
 * collector and waits for the buffers to be freed. It reads its limits once, when its {@link
 * Pointer} class loads, so {@link #applyDefaultLimits} must run before ND4J starts: first thing in
 * {@code main}. glibc keeps freed memory in one arena per thread; {@code MALLOC_ARENA_MAX=2} in the
 * environment and {@link #trim} after a run give it back to the system.
 */
public final class NativeMemory {
    /** Resident size of the whole process above which JavaCPP collects before allocating more. */
    public static final String MAX_PHYSICAL_BYTES = "2g";
    /** Memory JavaCPP itself allocates (small buffers of ND4J's calls), beside the arrays. */
    public static final String MAX_BYTES = "1g";

    private static final String PREFIX = "org.bytedeco.javacpp.";

    private NativeMemory() {}

    /** Sets JavaCPP's limits unless the command line gave them. Call before anything touches ND4J. */
    public static void applyDefaultLimits() {
        setIfAbsent(PREFIX + "maxBytes", MAX_BYTES);
        setIfAbsent(PREFIX + "maxPhysicalBytes", MAX_PHYSICAL_BYTES);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getProperty(key.toLowerCase()) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * After a run: collect when the process holds more than half of its native limit (the run's
     * arrays are garbage now, and ND4J frees them only once collected), then return free memory to
     * the system. Cheap when memory is low: one {@code malloc_trim}.
     */
    public static void releaseAfterRun() {
        if (Pointer.physicalBytes() > Pointer.maxPhysicalBytes() / 2) {
            System.gc();
        }
        trim();
    }

    /**
     * {@code malloc_trim(0)}: returns glibc's free pages to the system. JavaCPP 1.5.7 calls it
     * itself before it gives up on an allocation, but keeps the method private, hence the reflection.
     *
     * @return whether memory was given back
     */
    public static boolean trim() {
        if (Trim.HANDLE == null) {
            return false;
        }
        try {
            return (boolean) Trim.HANDLE.invokeExact();
        } catch (Throwable e) {
            return false;
        }
    }

    /** Whether {@link #trim} can reach {@code malloc_trim} on this platform. */
    static boolean canTrim() {
        return Trim.HANDLE != null;
    }

    /** Found on first use: loading {@link Pointer} any earlier would fix its limits before {@code main} sets them. */
    private static final class Trim {
        static final MethodHandle HANDLE = find();

        private static MethodHandle find() {
            try {
                Method method = Pointer.class.getDeclaredMethod("trimMemory");
                method.setAccessible(true);
                return MethodHandles.lookup().unreflect(method);
            } catch (ReflectiveOperationException | RuntimeException | UnsatisfiedLinkError e) {
                return null;
            }
        }
    }

    /** The process's memory now. */
    public static Snapshot snapshot() {
        Runtime runtime = Runtime.getRuntime();
        return new Snapshot(
                residentBytes(),
                Pointer.physicalBytes(),
                Pointer.totalBytes(),
                runtime.totalMemory() - runtime.freeMemory());
    }

    /** Resident set size from {@code /proc/self/status} (VmRSS), or JavaCPP's reading where that file is missing. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall through
        }
        return Pointer.physicalBytes();
    }

    /**
     * Memory of the process: resident size, JavaCPP's physical bytes (the same figure, read by
     * JavaCPP) and the bytes it tracks itself, and the Java heap in use.
     */
    public record Snapshot(long residentBytes, long physicalBytes, long trackedBytes, long heapBytes) {
        @Override
        public String toString() {
            return String.format(
                    "resident %5.0f MB, physical %5.0f MB, JavaCPP %4.0f MB, heap %4.0f MB",
                    residentBytes / (double) Cost.MEGABYTE,
                    physicalBytes / (double) Cost.MEGABYTE,
                    trackedBytes / (double) Cost.MEGABYTE,
                    heapBytes / (double) Cost.MEGABYTE);
        }
    }
}
