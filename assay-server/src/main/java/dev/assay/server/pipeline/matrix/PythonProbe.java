package dev.assay.server.pipeline.matrix;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.assay.server.pipeline.WorkerOffer;

/**
 * Finds the Python interpreters of this machine for a worker's offer: Debian's {@code /usr/bin/python3}, the
 * configured ones, and {@code python3} on the PATH, each run once to report its version, implementation,
 * executable and platform tags. One interpreter per version series ({@code 3.11}): the first found wins, so
 * Debian's (whose tools the tasks lend) serves its series. A path that is no working interpreter is left out
 * with a warning naming it.
 */
public final class PythonProbe {

    private static final Logger LOG = LoggerFactory.getLogger(PythonProbe.class);
    private static final Path DEBIAN = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_SECONDS = 20;

    // The tags are the handful a wheel for this interpreter and platform is most often built with, most specific
    // first; enough to show what a worker accepts without importing packaging.
    private static final String SCRIPT = """
            import sys, sysconfig
            impl = sys.implementation.name
            short = {'cpython': 'cp', 'pypy': 'pp'}.get(impl, impl)
            nodot = '%d%d' % sys.version_info[:2]
            plat = sysconfig.get_platform().replace('-', '_').replace('.', '_')
            interp = short + nodot
            abi = interp if impl == 'cpython' else 'none'
            tags = [interp + '-' + abi + '-' + plat, interp + '-abi3-' + plat, interp + '-none-' + plat,
                    'py3-none-' + plat, interp + '-none-any', 'py3-none-any']
            print('%d.%d.%d' % sys.version_info[:3])
            print(impl)
            print(sys.executable)
            print(' '.join(tags))
            """;

    private PythonProbe() {
    }

    /** The interpreters found: Debian's, then {@code configured} in order, then {@code python3} on the PATH. */
    public static List<WorkerOffer.Interpreter> probe(List<Path> configured) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(DEBIAN);
        candidates.addAll(configured);
        onPath("python3").ifPresent(candidates::add);
        Map<String, WorkerOffer.Interpreter> bySeries = new LinkedHashMap<>();
        for (Path candidate : candidates) {
            boolean optional = !configured.contains(candidate);
            probeOne(candidate, optional).ifPresent(found -> bySeries.putIfAbsent(series(found.version()), found));
        }
        LOG.info("Python interpreters offered: {}", bySeries.values().stream()
                .map(found -> found.version() + " (" + found.executable() + ")").toList());
        return List.copyOf(bySeries.values());
    }

    /** The series of a full version, its major and minor: {@code 3.11.7} is {@code 3.11}. */
    public static String series(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    /** Runs {@code python} to describe itself; empty (with a warning unless it is an optional one) when it fails. */
    static Optional<WorkerOffer.Interpreter> probeOne(Path python, boolean optional) {
        if (!Files.isExecutable(python)) {
            if (!optional) {
                LOG.warn("the configured Python {} is not an executable file: it is not offered", python);
            }
            return Optional.empty();
        }
        Path output = null;
        try {
            // to a file, so that an interpreter that hangs without closing its output still meets the timeout
            output = Files.createTempFile("assay-python-probe", ".txt");
            Process process = new ProcessBuilder(python.toString(), "-I", "-c", SCRIPT).redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                LOG.warn("the Python {} did not describe itself within {} s: it is not offered", python,
                        TIMEOUT_SECONDS);
                return Optional.empty();
            }
            List<String> lines = Files.readString(output, StandardCharsets.UTF_8).lines().limit(10).toList();
            if (process.exitValue() != 0 || lines.size() != 4 || !lines.get(0).matches("\\d+\\.\\d+\\.\\d+")) {
                LOG.warn("the Python {} failed to describe itself (exit {}): {}", python, process.exitValue(),
                        String.join(" | ", lines));
                return Optional.empty();
            }
            return Optional.of(new WorkerOffer.Interpreter(lines.get(0), lines.get(1), lines.get(2),
                    List.of(lines.get(3).split(" "))));
        } catch (IOException failed) {
            LOG.warn("the Python {} could not be run: {}", python, failed.getMessage());
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover probe output in the temporary directory is harmless
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
