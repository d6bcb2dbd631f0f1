package dev.assay.server.git.browse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.springframework.stereotype.Component;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.GitRepositories;
import dev.assay.server.index.Project;

/** Opens a project's bare repository for reading; the caller closes it. */
@Component
class SourceRepositories {

    private final GitRepositories repositories;

    SourceRepositories(GitRepositories repositories) {
        this.repositories = repositories;
    }

    /** The repository, or empty while nobody has created it yet. */
    Optional<Repository> open(Project project) {
        Path directory = repositories.directory(project.normalizedName());
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare()
                    .setMustExist(true).build());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot open the git repository of project " + project.name(), failure);
        }
    }

    /** The repository, or 404 saying how to create it. */
    Repository require(Project project) {
        return open(project).orElseThrow(() -> new NotFoundException("project '" + project.name()
                + "' has no git repository yet: push to /git/" + project.normalizedName() + ".git to create it"));
    }
}
