package dev.assay.server.pipeline.sourcecommit;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.springframework.stereotype.Service;

import dev.assay.server.git.GitRepositories;
import dev.assay.server.index.Project;
import dev.assay.server.index.Release;
import dev.assay.server.pipeline.triggers.ReleaseTags;

/**
 * Finds the commit a release was built from: the one its upload or a maintainer named wins over the one its
 * version's tag names ({@link ReleaseTags}).
 */
@Service
public class ReleaseSources {

    /** What a project's repository holds under an object id. */
    enum Presence { COMMIT, NOT_A_COMMIT, ABSENT }

    private final SourceCommitRepository named;
    private final ReleaseTags tags;
    private final GitRepositories repositories;

    ReleaseSources(SourceCommitRepository named, ReleaseTags tags, GitRepositories repositories) {
        this.named = named;
        this.tags = tags;
        this.repositories = repositories;
    }

    /** The release's source; empty when no commit is named for it and no tag names its version. */
    public Optional<ReleaseSource> of(Project project, Release release) {
        return resolve(project.normalizedName(), release.version(), named.find(release.id()));
    }

    /** As {@link #of(Project, Release)}, by the names a pipeline job carries. */
    public Optional<ReleaseSource> of(String normalizedProject, String version) {
        return resolve(normalizedProject, version, named.find(normalizedProject, version));
    }

    private Optional<ReleaseSource> resolve(String project, String version, Optional<NamedCommit> commit) {
        if (commit.isPresent()) {
            NamedCommit found = commit.get();
            return Optional.of(new ReleaseSource(found.commit(), Optional.empty(), found.namedBy(),
                    Optional.of(found.user()), presence(project, found.commit()) == Presence.COMMIT));
        }
        return tags.commitOf(project, version).map(tagged -> new ReleaseSource(tagged.commit(),
                Optional.of(tagged.ref()), ReleaseSource.TAG, Optional.empty(), true));
    }

    /** Whether the project's repository holds {@code commit} (40 hex digits) as a commit. */
    Presence presence(String normalizedProject, String commit) {
        try (Repository repository = repositories.open(normalizedProject); RevWalk walk = new RevWalk(repository)) {
            ObjectId id = ObjectId.fromString(commit);
            if (!repository.getObjectDatabase().has(id)) {
                return Presence.ABSENT;
            }
            return walk.parseAny(id) instanceof RevCommit ? Presence.COMMIT : Presence.NOT_A_COMMIT;
        } catch (MissingObjectException missing) {
            return Presence.ABSENT;
        } catch (IOException | RuntimeException unreadable) {
            // an unreadable repository holds nothing the rebuild could check out
            return Presence.ABSENT;
        }
    }
}
