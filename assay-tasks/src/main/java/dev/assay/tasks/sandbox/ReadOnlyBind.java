package dev.assay.tasks.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/** A host path made visible read-only inside the sandbox, such as a wheelhouse or a Python toolchain. */
public record ReadOnlyBind(Path hostPath, String sandboxPath) {

    public ReadOnlyBind {
        Objects.requireNonNull(hostPath, "hostPath");
        if (sandboxPath == null || !sandboxPath.startsWith("/")) {
            throw new IllegalArgumentException("sandbox path must be absolute: " + sandboxPath);
        }
    }

    /** The host path at the same path inside the sandbox. */
    public static ReadOnlyBind samePath(Path hostPath) {
        Path absolute = hostPath.toAbsolutePath().normalize();
        return new ReadOnlyBind(absolute, absolute.toString());
    }
}
