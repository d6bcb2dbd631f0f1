package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Outcome;

/** {@code ./assay} bounds the JVM's heap by default, and {@code ASSAY_JAVA_OPTS} replaces the bound. */
class LauncherHeapIT {

    @Test
    void heapIs512MegabytesByDefault() throws Exception {
        Outcome outcome = new AssayProcess(Map.of("ASSAY_JAVA_OPTS", "-XshowSettings:vm")).run("", "--help");

        assertThat(outcome.stderr() + outcome.stdout()).contains("Max. Heap Size: 512.00M");
    }

    @Test
    void assayJavaOptsReplaceTheDefaultHeap() throws Exception {
        Outcome outcome = new AssayProcess(Map.of("ASSAY_JAVA_OPTS", "-XshowSettings:vm -Xmx300m")).run("", "--help");

        assertThat(outcome.stderr() + outcome.stdout()).contains("Max. Heap Size: 300.00M");
    }
}
