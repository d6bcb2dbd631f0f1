package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment-read recorder in a real venv of the machine's python3, outside the sandbox. */
class EnvReadsTest {

    private static final String READS = """
            import os, subprocess, sys
            os.environ.get("AWS_SECRET_ACCESS_KEY")
            "HAS_IT" in os.environ
            os.getenv("BY_GETENV", "default")
            os.environb.get(b"BYTES_KEY")
            try:
                os.environ["MISSING_KEY"]
            except KeyError:
                pass
            subprocess.run([sys.executable, "-I", "-c", "import os; os.getenv('IN_A_CHILD')"], check=True)
            print(type(os.environ).__name__, os.environ["SECRET_VALUE_HOLDER"])
            """;

    @TempDir
    Path dir;

    private Path venv;

    @BeforeEach
    void venv() throws Exception {
        venv = dir.resolve("venv");
        assertThat(run(List.of("/usr/bin/python3", "-m", "venv", "--without-pip", venv.toString()), Map.of()))
                .isEmpty();
        EnvReads.hook(venv);
    }

    @Test
    void recordsTheNamesPythonCodeReadsInItsProcessesButNeverTheirValues() throws Exception {
        Path file = dir.resolve("import.env-reads");
        String output = run(List.of(python(), "-I", "-c", READS),
                Map.of(EnvReads.VARIABLE, file.toString(), "SECRET_VALUE_HOLDER", "s3cr3t-value"));

        assertThat(output).as("the package sees os.environ as it is").isEqualTo("_Environ s3cr3t-value\n");
        assertThat(EnvReads.read(file)).contains("AWS_SECRET_ACCESS_KEY", "HAS_IT", "BY_GETENV", "BYTES_KEY",
                "MISSING_KEY", "IN_A_CHILD", "SECRET_VALUE_HOLDER");
        assertThat(Files.readString(file)).doesNotContain("s3cr3t-value");
    }

    @Test
    void theInterpreterOnItsOwnIsTheBaselineAndOnlyThePackagesReadsBecomeItems() throws Exception {
        Path baselineFile = dir.resolve("baseline.env-reads");
        run(List.of(python(), "-I", "-c", "pass"), Map.of(EnvReads.VARIABLE, baselineFile.toString()));
        Set<String> baseline = EnvReads.read(baselineFile);
        Path file = dir.resolve("import.env-reads");
        run(List.of(python(), "-I", "-c", "import os; os.environ.get('AWS_SECRET_ACCESS_KEY')"),
                Map.of(EnvReads.VARIABLE, file.toString()));

        assertThat(EnvReads.read(file)).containsAll(baseline);
        assertThat(EnvReads.items(file, baseline))
                .containsExactly(Map.of("kind", "env", "value", "AWS_SECRET_ACCESS_KEY"));
    }

    @Test
    void aRecorderThatCannotWriteOrIsNotAskedToChangesNothing() throws Exception {
        String code = "import os; print(os.getenv('GIVEN'), 'X' in os.environ, os.environ.get('NONE', 'dflt'))";
        assertThat(run(List.of(python(), "-I", "-c", code),
                Map.of(EnvReads.VARIABLE, dir.resolve("no/such/dir/file").toString(), "GIVEN", "yes")))
                .isEqualTo("yes False dflt\n");
        assertThat(run(List.of(python(), "-I", "-c", code + "; print(type(os.environ).__module__)"),
                Map.of("GIVEN", "yes"))).isEqualTo("yes False dflt\nos\n");
    }

    @Test
    void aFileWrittenByThePackageIsReadOnlyUpToItsFirstMebibyteAndComplete(@TempDir Path other) throws Exception {
        Path file = other.resolve("flood.env-reads");
        Files.writeString(file, "FIRST\n" + "x".repeat(2 << 20) + "\nLAST\n", StandardCharsets.UTF_8);
        assertThat(EnvReads.read(file)).containsExactly("FIRST");
        assertThat(EnvReads.read(other.resolve("missing"))).isEmpty();
    }

    private String python() {
        return venv.resolve("bin/python").toString();
    }

    private static String run(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
