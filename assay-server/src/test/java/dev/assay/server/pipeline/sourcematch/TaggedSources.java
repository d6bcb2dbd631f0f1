package dev.assay.server.pipeline.sourcematch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import dev.assay.server.git.GitCommand;

/** Commits a built project's sources (not its build output) to a work tree and tags them, as a maintainer would. */
final class TaggedSources {

    private TaggedSources() {
    }

    /**
     * Replaces the work tree's files with the project's sources, leaving out {@code left}, commits them and tags the
     * commit {@code tag} (annotated) unless it is null.
     */
    static void commit(GitCommand git, Path repo, Path project, Set<String> left, String version, String tag)
            throws IOException {
        try (Stream<Path> old = Files.walk(repo)) {
            old.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(repo))
                    .filter(path -> !repo.relativize(path).toString().startsWith(".git"))
                    .forEach(path -> path.toFile().delete());
        }
        try (Stream<Path> sources = Files.walk(project)) {
            for (Path source : sources.filter(Files::isRegularFile).toList()) {
                String relative = project.relativize(source).toString();
                if (relative.startsWith("dist/") || relative.startsWith("build/") || relative.contains(".egg-info")
                        || left.contains(relative)) {
                    continue;
                }
                Path target = repo.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
        git.run(repo, "add", "-A").succeeded();
        git.run(repo, "commit", "-q", "-m", "Release " + version).succeeded();
        if (tag != null) {
            git.run(repo, "tag", "-a", tag, "-m", "Version " + version).succeeded();
        }
    }
}
