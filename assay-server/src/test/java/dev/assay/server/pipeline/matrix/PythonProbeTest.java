package dev.assay.server.pipeline.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.WorkerOffer;

/** The interpreter probe on this machine's Pythons: Debian's, pyenv's 3.12 by path, and paths that are none. */
class PythonProbeTest {

    static final Path DEBIAN = Path.of("/usr/bin/python3");
    static final Path PYTHON_312 = Path.of("/root/.pyenv/versions/3.12.1/bin/python3.12");

    @Test
    void debiansPythonDescribesItsVersionImplementationExecutableAndTags() {
        assumeTrue(Files.isExecutable(DEBIAN), "SKIPPED: Debian's " + DEBIAN + " is not installed (apt-get install "
                + "python3)");

        WorkerOffer.Interpreter debian = PythonProbe.probeOne(DEBIAN, false).orElseThrow();

        String series = PythonProbe.series(debian.version());
        String nodot = series.replace(".", "");
        assertThat(debian.version()).matches("3\\.\\d+\\.\\d+");
        assertThat(debian.implementation()).isEqualTo("cpython");
        assertThat(debian.executable()).isEqualTo("/usr/bin/python3");
        assertThat(debian.tags()).first().asString().startsWith("cp" + nodot + "-cp" + nodot + "-linux_");
        assertThat(debian.tags()).contains("py3-none-any");
    }

    @Test
    void aConfiguredInterpreterOfAnotherSeriesIsOfferedAfterDebiansAndOneOfTheSameSeriesIsNot() {
        assumeTrue(Files.isExecutable(DEBIAN) && Files.isExecutable(PYTHON_312), "SKIPPED: needs " + DEBIAN
                + " and pyenv's " + PYTHON_312);

        List<WorkerOffer.Interpreter> found = PythonProbe.probe(List.of(PYTHON_312, DEBIAN));

        assertThat(found).extracting(WorkerOffer.Interpreter::executable).startsWith("/usr/bin/python3");
        assertThat(found).filteredOn(python -> python.version().startsWith("3.12.")).singleElement()
                .satisfies(python -> assertThat(python.executable()).isEqualTo(PYTHON_312.toString()));
        assertThat(found).extracting(python -> PythonProbe.series(python.version())).doesNotHaveDuplicates();
    }

    @Test
    void aPathThatIsNoWorkingInterpreterIsLeftOut() {
        assertThat(PythonProbe.probeOne(Path.of("/nonexistent/python3"), false)).isEmpty();
        assertThat(PythonProbe.probeOne(Path.of("/bin/true"), false)).as("runs, describes nothing").isEmpty();
        assertThat(PythonProbe.probeOne(Path.of("/bin/false"), false)).isEmpty();
    }

    @Test
    void aSeriesIsTheMajorAndMinorVersion() {
        assertThat(PythonProbe.series("3.11.7")).isEqualTo("3.11");
        assertThat(PythonProbe.series("3.13.0rc1")).isEqualTo("3.13");
        assertThat(PythonProbe.series("3")).isEqualTo("3");
    }
}
