package dev.assay.server.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;

/**
 * Where the bare repository of each project lives ({@code DATA/git/<normalized-name>.git}), creating and
 * opening, measuring and cleaning it; a name that could lead outside the git directory is refused.
 */
@Component
public class GitRepositories {

    /** The branch HEAD of a new repository names, so that a clone checks it out once it is pushed. */
    static final String DEFAULT_BRANCH = "main";

    // what PEP 503 normalisation produces: lower-case letters and digits, single dashes inside
    private static final Pattern NORMALIZED = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Path root;

    public GitRepositories(AssayProperties properties) {
        this.root = properties.gitDirectory().toAbsolutePath().normalize();
    }

    /** The directory of the project's bare repository (which may not exist yet). */
    public Path directory(String normalizedName) {
        if (normalizedName == null || !NORMALIZED.matcher(normalizedName).matches()) {
            throw new IllegalArgumentException("not a normalised project name: '" + normalizedName + "'");
        }
        Path directory = root.resolve(normalizedName + ".git").normalize();
        if (!directory.getParent().equals(root)) {
            throw new IllegalArgumentException("'" + normalizedName + "' leads outside the git directory");
        }
        return directory;
    }

    /** Creates the project's bare repository unless it exists; safe to call any number of times. */
    public synchronized void create(String normalizedName) {
        Path directory = directory(normalizedName);
        if (Files.isRegularFile(directory.resolve("HEAD"))) {
            return;
        }
        try {
            Files.createDirectories(root);
            try (Repository repository = FileRepositoryBuilder.create(directory.toFile())) {
                repository.create(true);
                RefUpdate head = repository.updateRef(Constants.HEAD);
                head.disableRefLog();
                head.link(Constants.R_HEADS + DEFAULT_BRANCH);
            }
        } catch (IOException | IllegalStateException failure) {
            if (Files.isRegularFile(directory.resolve("HEAD"))) {
                return; // another thread or server created it meanwhile
            }
            throw new UncheckedIOException("cannot create the git repository " + directory,
                    failure instanceof IOException io ? io : new IOException(failure));
        }
    }

    /** The bytes the project's repository keeps in its object store (packs, indexes, loose objects). */
    public long size(String normalizedName) {
        try {
            return storedBytes(directory(normalizedName).resolve("objects"));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot measure the git repository of '" + normalizedName + "'", failure);
        }
    }

    /**
     * The apparent size of every regular file under {@code objects}, links not followed. A concurrent push or gc
     * adds and removes files and folders (incoming packs, their temporary folders) while the walk runs: what
     * vanishes meanwhile counts as nothing instead of failing the push that asked.
     */
    static long storedBytes(Path objects) throws IOException {
        long[] total = {0};
        Files.walkFileTree(objects, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                total[0] += attributes.isRegularFile() ? attributes.size() : 0;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                return vanished(failure);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                return failure == null ? FileVisitResult.CONTINUE : vanished(failure);
            }
        });
        return total[0];
    }

    private static FileVisitResult vanished(IOException failure) throws IOException {
        if (failure instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
        }
        throw failure;
    }

    /**
     * Deletes what pushes cut short (the server killed during a push) left in the repository before
     * {@code before}: JGit's temporary packs, and its locks on received packs, which would keep them from
     * ever being collected. Returns how many files it deleted.
     */
    public int removeLeftovers(String normalizedName, Instant before) {
        Path objects = directory(normalizedName).resolve("objects");
        int removed = 0;
        try {
            for (Path file : files(objects, "incoming_*")) {
                removed += deleteIfOlder(file, before);
            }
            for (Path lock : files(objects.resolve("pack"), "*.keep")) {
                if (Files.readString(lock, StandardCharsets.UTF_8).startsWith("jgit receive-pack")) {
                    removed += deleteIfOlder(lock, before);
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot clean the git repository of '" + normalizedName + "'", failure);
        }
        return removed;
    }

    private static List<Path> files(Path directory, String glob) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> matching = Files.newDirectoryStream(directory, glob)) {
            matching.forEach(files::add);
        }
        return files;
    }

    private static int deleteIfOlder(Path file, Instant before) throws IOException {
        // a file written since the server started belongs to a push still running
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
            return 1;
        }
        return 0;
    }

    /** Opens the project's repository, creating it first if it is missing; the caller closes it. */
    public Repository open(String normalizedName) {
        create(normalizedName);
        try {
            return new FileRepositoryBuilder().setGitDir(directory(normalizedName).toFile()).setBare()
                    .setMustExist(true).build();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot open the git repository of '" + normalizedName + "'", failure);
        }
    }

    /**
     * Opens the project's repository for a clone, fetch or push, creating it first if it is missing; the caller
     * closes it. JGit's repository cache keeps it open between requests (closed after an hour unused), so that
     * its pack indexes, bitmaps and refs are read once, not on every request.
     */
    public Repository openShared(String normalizedName) {
        create(normalizedName);
        try {
            return RepositoryCache.open(RepositoryCache.FileKey.exact(directory(normalizedName).toFile(), FS.DETECTED));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot open the git repository of '" + normalizedName + "'", failure);
        }
    }
}
