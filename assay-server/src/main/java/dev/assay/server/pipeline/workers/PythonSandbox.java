package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.assay.tasks.sandbox.ReadOnlyBind;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxResult;

/**
 * The worker's sandbox running a job's Python from outside {@code /usr} (pyenv's, say): every command also sees
 * the interpreter's installation read-only at its own path, where its shared library and standard library are
 * looked for. Run as root, the sandbox's user (nobody) cannot enter a home folder closed to others (mode 0700):
 * the installation is then mirrored with hard links into a directory of Assay's under {@code /var/tmp}, and that
 * mirror is what is bound.
 */
final class PythonSandbox implements Sandbox {

    private final Sandbox sandbox;
    private final ReadOnlyBind home;

    private PythonSandbox(Sandbox sandbox, ReadOnlyBind home) {
        this.sandbox = sandbox;
        this.home = home;
    }

    /**
     * {@code sandbox} as it runs {@code python}: unchanged for an interpreter under {@code /usr}. An installation is
     * mirrored once per worker, kept in {@code mirrors} (installation to mirror): jobs running on it keep their
     * mirror while another job starts.
     */
    static Sandbox of(Sandbox sandbox, Path python, Map<Path, Path> mirrors) throws IOException {
        Optional<Path> installation = installation(python);
        if (installation.isEmpty()) {
            return sandbox;
        }
        Path prefix = installation.get();
        Path source = prefix;
        if (WorkRoot.closedParent(prefix).isPresent() && "root".equals(System.getProperty("user.name"))) {
            source = mirrors.containsKey(prefix) ? mirrors.get(prefix) : mirror(prefix);
            mirrors.put(prefix, source);
        }
        return new PythonSandbox(sandbox, new ReadOnlyBind(source, prefix.toString()));
    }

    /** The installation directory of {@code python} ({@code PREFIX/bin/python3}) when it is outside {@code /usr}. */
    static Optional<Path> installation(Path python) throws IOException {
        Path real = python.toRealPath();
        Path prefix = real.getParent() == null ? null : real.getParent().getParent();
        if (prefix == null || prefix.startsWith("/usr") || prefix.getParent() == null) {
            return Optional.empty();
        }
        return Optional.of(prefix);
    }

    // Hard links cost no copy; a mirror left by an earlier run is replaced, so it never lags the installation.
    private static Path mirror(Path prefix) throws IOException {
        Path mirror = WorkRoot.own("assay-python-", prefix);
        try (Stream<Path> old = Files.list(mirror)) {
            for (Path entry : old.toList()) {
                JobRunner.deleteQuietly(entry);
            }
        }
        Files.setPosixFilePermissions(mirror, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> paths = Files.walk(prefix)) {
            for (Path path : paths.toList()) {
                if (!path.equals(prefix)) {
                    link(path, mirror.resolve(prefix.relativize(path).toString()));
                }
            }
        } catch (IOException | UnsupportedOperationException failed) {
            throw new IOException("cannot mirror the Python installation " + prefix + " into " + mirror
                    + " for the sandbox's user (hard links need one file system): " + failed.getMessage()
                    + "; run chmod o+x on " + WorkRoot.closedParent(prefix).orElse(prefix) + " instead", failed);
        }
        return mirror;
    }

    private static void link(Path path, Path copy) throws IOException {
        try {
            if (Files.isSymbolicLink(path)) {
                Files.createSymbolicLink(copy, Files.readSymbolicLink(path));
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(copy);
                Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(path));
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createLink(copy, path);
            }
        } catch (FileAlreadyExistsException twice) {
            // the walk met it already (a directory created before its permissions were copied)
        }
    }

    @Override
    public SandboxResult run(SandboxCommand command) throws IOException, InterruptedException {
        List<ReadOnlyBind> binds = new ArrayList<>(command.readOnlyBinds());
        binds.add(0, home);
        return sandbox.run(command.withReadOnlyBinds(binds));
    }

    @Override
    public String workspaceInside(Path workspace) {
        return sandbox.workspaceInside(workspace);
    }

    @Override
    public List<String> supervised(List<String> argv) {
        return sandbox.supervised(argv);
    }

    @Override
    public String description() {
        return sandbox.description() + ", with " + home.sandboxPath() + " read-only";
    }
}
