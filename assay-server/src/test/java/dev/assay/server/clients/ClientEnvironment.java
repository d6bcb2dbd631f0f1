package dev.assay.server.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

import dev.assay.server.testing.PythonTools;

/**
 * Where the packaging clients run: a home of their own (HOME, XDG directories) and an environment built from
 * nothing, so neither this machine's pip configuration nor a user's twine, flit, poetry or pdm settings
 * ({@code PIP_*}, {@code POETRY_*}, {@code PDM_*}, {@code FLIT_*}, {@code TWINE_*}, {@code ~/.pypirc}, keyrings)
 * can answer in Assay's place.
 * <p>
 * A missing client fails the test, naming the Debian package to install; it is skipped, loudly, only when
 * {@code -Dassay.test.clients=optional} or {@code ASSAY_TEST_CLIENTS_OPTIONAL=true} says it may be.
 */
final class ClientEnvironment {

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Path home;

    ClientEnvironment(Path home) {
        this.home = home;
    }

    /** The clients' home directory, holding their configuration files ({@code .pypirc}, {@code .config/…}). */
    Path home() {
        return home;
    }

    /** Runs a client in {@code directory} with the isolated environment plus {@code extra} variables. */
    PythonTools.Outcome run(Path directory, Map<String, String> extra, String... command) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", PATH);
        environment.put("LANG", "C.UTF-8");
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        environment.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        environment.put("TMPDIR", temporary().toString());
        environment.put("PIP_CONFIG_FILE", "/dev/null");
        environment.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        environment.put("PIP_NO_INPUT", "1");
        // poetry and pdm store passwords in a keyring when one answers; there is none to ask here
        environment.put("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");
        // pdm asks pypi.org for a newer pdm after every command
        environment.put("PDM_CHECK_UPDATE", "false");
        // rich and cleo wrap at the terminal width; one line per message keeps output searchable
        environment.put("COLUMNS", "400");
        environment.putAll(extra);
        return PythonTools.runWithOnly(directory, environment, List.of(command));
    }

    /** Runs a client and fails with its output unless it succeeded. */
    PythonTools.Outcome succeed(Path directory, Map<String, String> extra, String... command) {
        return run(directory, extra, command).assertSucceeded();
    }

    private Path temporary() {
        try {
            return Files.createDirectories(home.resolve("tmp"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The path of a client's command, or the test's failure (or loud skip) naming the Debian package to install. */
    static Path requireCommand(String command, String debianPackage) {
        Optional<Path> found = Arrays.stream(PATH.split(":")).map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            absent("'" + command + "' is not on " + PATH, debianPackage);
        }
        return found.orElseThrow();
    }

    /** The first of the backend's modules Debian's python3 can import, or the test's failure (or loud skip). */
    static String requireBackend(Backend backend, String debianPackage) {
        for (String module : backend.modules()) {
            // find_spec raises, and python exits 1, when even the module's parent package is missing
            String probe = "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('" + module
                    + "') else 1)";
            if (PythonTools.run(Path.of("/"), Map.of(), List.of(PythonTools.SYSTEM_PYTHON, "-c", probe))
                    .exitCode() == 0) {
                return module;
            }
        }
        absent("the build backend " + backend.label() + " (" + String.join(" or ", backend.modules())
                + ") is not importable by " + PythonTools.SYSTEM_PYTHON, debianPackage);
        throw new IllegalStateException("unreachable");
    }

    private static void absent(String what, String debianPackage) {
        String why = what + "; install it with: apt-get install " + debianPackage;
        if ("optional".equals(System.getProperty("assay.test.clients"))
                || Boolean.parseBoolean(System.getenv("ASSAY_TEST_CLIENTS_OPTIONAL"))) {
            System.err.println("\n*** SKIPPING A PACKAGING CLIENT TEST: " + why + " ***\n");
            Assumptions.abort(why);
        }
        throw new AssertionError(why + " (or let such tests be skipped with -Dassay.test.clients=optional or "
                + "ASSAY_TEST_CLIENTS_OPTIONAL=true)");
    }
}
