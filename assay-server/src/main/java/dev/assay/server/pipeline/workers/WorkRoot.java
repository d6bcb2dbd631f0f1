package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the job workspaces of a configured work directory live, so that the sandbox's user reaches them. Run as
 * root, the sandbox drops to nobody, who needs search permission on every directory above a workspace: a data
 * directory inside a home folder only its owner may enter (mode 0700, as Debian creates them) gives none. Then
 * the workspaces go to a directory of Assay's own under {@code /var/tmp}, named after the configured one, made
 * with mode 0711 and owned by the server's user; each job's workspace is removed at its end as before.
 */
public final class WorkRoot {

    private static final String PREFIX = "assay-work-";

    private WorkRoot() {
    }

    /** {@code configured} when the sandbox's user reaches it (or is not another user), else Assay's directory. */
    public static Path reachable(Path configured) throws IOException {
        Path absolute = configured.toAbsolutePath().normalize();
        if (!"root".equals(System.getProperty("user.name")) || closedParent(absolute).isEmpty()) {
            return absolute;
        }
        return own(fallbackBase().resolve(PREFIX + digest(absolute)));
    }

    /** The nearest existing directory above or at {@code directory} that nobody may not search, if any. */
    static Optional<Path> closedParent(Path directory) {
        for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            try {
                if (Files.exists(dir) && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Optional.of(dir);
                }
            } catch (IOException | UnsupportedOperationException unknown) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A directory of Assay's own under {@code /var/tmp}, made with mode 0711, named {@code prefix} and a digest of
     * {@code keyedBy}: the same one for the same key.
     */
    static Path own(String prefix, Path keyedBy) throws IOException {
        return own(fallbackBase().resolve(prefix + digest(keyedBy.toAbsolutePath().normalize())));
    }

    // /var/tmp rather than /tmp: workspaces can be large, and /tmp is often memory.
    private static Path fallbackBase() {
        Path varTmp = Path.of("/var/tmp");
        return Files.isDirectory(varTmp) ? varTmp : Path.of(System.getProperty("java.io.tmpdir"));
    }

    // The base is writable by every user: a directory someone else made there (or a link) is never used.
    private static Path own(Path root) throws IOException {
        try {
            Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (FileAlreadyExistsException existing) {
            boolean ours = Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)
                    && Integer.valueOf(0).equals(Files.getAttribute(root, "unix:uid", LinkOption.NOFOLLOW_LINKS));
            if (!ours) {
                throw new IOException("the job workspaces' directory " + root + " exists but is not Assay's "
                        + "(a link, or another user's): remove it");
            }
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        }
        return root;
    }

    private static String digest(Path path) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
