package dev.assay.server.pipeline.triggers;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.springframework.stereotype.Component;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;
import dev.assay.server.git.GitRepositories;

/**
 * Finds the commit a release was tagged at in the project's repository: a tag named as the version is, by
 * PEP 440 equality, with an optional {@code v} or {@code <project>-} prefix ({@code 1.0}, {@code v1.0.0},
 * {@code demo-1.0}). A release without an sdist is tested from that commit's tree.
 */
@Component
public class ReleaseTags {

    /** A tag and the commit it names. */
    public record Tagged(String ref, String commit) {
    }

    private final GitRepositories repositories;

    ReleaseTags(GitRepositories repositories) {
        this.repositories = repositories;
    }

    /** The tag naming {@code version} and its commit; empty when no tag names it (or there is no repository). */
    public Optional<Tagged> commitOf(String project, String version) {
        Optional<Version> wanted = Version.tryParse(version);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        try (Repository repository = repositories.open(project); RevWalk walk = new RevWalk(repository)) {
            for (Ref tag : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = Repository.shortenRefName(tag.getName());
                if (versionOf(name, project).filter(wanted.get()::equals).isPresent()) {
                    return commit(walk, tag.getObjectId()).map(commit -> new Tagged(tag.getName(), commit));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // no repository, or an unreadable one: the release is tested without its sources, as before
            return Optional.empty();
        }
    }

    /** The version a tag name stands for, if it names one. */
    static Optional<Version> versionOf(String tag, String project) {
        String name = tag.toLowerCase(Locale.ROOT);
        String prefix = ProjectName.normalize(project) + "-";
        if (name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        }
        if (name.startsWith("v")) {
            name = name.substring(1);
        }
        return Version.tryParse(name);
    }

    private static Optional<String> commit(RevWalk walk, ObjectId target) throws IOException {
        Object peeled = walk.peel(walk.parseAny(target));
        return peeled instanceof RevCommit commit ? Optional.of(commit.name()) : Optional.empty();
    }
}
