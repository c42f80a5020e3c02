package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    private static final String MAX_BYTES = "org.bytedeco.javacpp.maxBytes";
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    /** Run in a fresh JVM: sets the defaults the way {@code main} does, then asks JavaCPP what it read. */
    public static void main(String[] args) {
        NativeMemory.applyDefaultLimits();
        System.out.println(Pointer.maxBytes() + " " + Pointer.maxPhysicalBytes());
    }

    @Test
    void javaCppReadsTheDefaultsWhenTheyAreSetFirstThingInMain() throws Exception {
        assertThat(launch()).isEqualTo((1L << 30) + " " + (2L << 30));
    }

    @Test
    void aLimitGivenOnTheCommandLineWins() throws Exception {
        assertThat(launch("-D" + MAX_PHYSICAL_BYTES + "=3g")).isEqualTo((1L << 30) + " " + (3L << 30));
    }

    private static String launch(String... options) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(List.of(options));
        command.add(NativeMemoryTest.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String[] lines = output.split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void leavesLimitsThatWereGivenAlone() {
        String before = System.getProperty(MAX_BYTES);
        try {
            System.setProperty(MAX_BYTES, "777m");
            NativeMemory.applyDefaultLimits();
            assertThat(System.getProperty(MAX_BYTES)).isEqualTo("777m");
        } finally {
            restore(MAX_BYTES, before);
        }
    }

    @Test
    void readsTheResidentSizeAndGivesMemoryBack() {
        NativeMemory.Snapshot snapshot = NativeMemory.snapshot();
        assertThat(snapshot.residentBytes()).isPositive();
        assertThat(snapshot.heapBytes()).isPositive();
        assertThat(NativeMemory.canTrim()).isTrue();
        assertThatCode(NativeMemory::releaseAfterRun).doesNotThrowAnyException();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
