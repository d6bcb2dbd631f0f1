package dev.assay.server.pipeline.sourcecommit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.queue.PipelineService;

/**
 * Names the commit a release was built from: the upload's {@code source_commit} field, inside the upload's
 * transaction, or a maintainer's change afterwards, which re-runs the release's pipelines so that the rebuild is
 * made from the new commit.
 */
@Service
public class SourceCommitService {

    /** The upload form's field naming the commit. */
    public static final String FORM_FIELD = "source_commit";

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{40}");

    /** What a change answers: the release's source now, and the pipelines re-run to rebuild from it. */
    public record Changed(String project, String version, String commit, String namedBy, String source,
            List<Long> pipelines) {
    }

    private final SourceCommitRepository repository;
    private final ReleaseSources sources;
    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final PipelineService pipelines;
    private final Clock clock;

    SourceCommitService(SourceCommitRepository repository, ReleaseSources sources, ProjectService projects,
            ReleaseLookup lookup, PipelineService pipelines, Clock clock) {
        this.repository = repository;
        this.sources = sources;
        this.projects = projects;
        this.lookup = lookup;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    /** The commit an upload's field names, lower case; a malformed one is refused before anything is stored. */
    public static Optional<String> checkUploaded(Optional<String> field) {
        return field.map(value -> checkFormat(value, "Invalid form field '" + FORM_FIELD + "'"));
    }

    /**
     * Records the commit the upload names, inside the upload's transaction; a release already built from another
     * named commit refuses it (the upload is then not stored), so a release's files never name two sources.
     */
    public void nameOnUpload(Caller caller, Project project, Release release, Optional<String> field) {
        Optional<String> commit = checkUploaded(field);
        if (commit.isEmpty()) {
            return;
        }
        Optional<NamedCommit> before = repository.find(release.id());
        if (before.isPresent() && !before.get().commit().equals(commit.get())) {
            throw new ConflictException("Version " + release.version() + " of project '" + project.name()
                    + "' was named commit " + before.get().commit() + " already; this upload names " + commit.get()
                    + ": upload it with the same " + FORM_FIELD + ", or change the release's commit with PUT "
                    + "/api/v1/projects/" + project.normalizedName() + "/" + release.version() + "/source");
        }
        if (before.isEmpty()) {
            repository.save(release.id(), new NamedCommit(commit.get(), NamedCommit.UPLOAD, caller.name(),
                    clock.instant()));
        }
    }

    /**
     * Names the release's commit (owners, maintainers, administrators); the repository must hold it. A changed
     * commit re-runs the release's pipelines, whose rebuild then builds it.
     */
    @Transactional
    public Changed change(Caller caller, String name, String version, String commit) {
        Project project = projects.project(name);
        projects.checkMayManage(caller, project);
        if (!caller.credentialsAllow(TokenScope.UPLOAD, project.normalizedName())) {
            throw new ForbiddenException("The API token does not allow changing the releases of project '"
                    + project.normalizedName() + "': use a token with the upload scope for this project");
        }
        Release release = lookup.release(project, version);
        if (commit == null || commit.isBlank()) {
            throw new InvalidInputException("Missing \"commit\": send {\"commit\": \"<40 hex digits>\"}");
        }
        String id = checkFormat(commit.strip(), "Invalid \"commit\"");
        switch (sources.presence(project.normalizedName(), id)) {
            case ABSENT -> throw new NotFoundException("Commit " + id + " is not in the repository of project '"
                    + project.name() + "': push it first");
            case NOT_A_COMMIT -> throw new ConflictException(id + " is in the repository of project '"
                    + project.name() + "' but is not a commit (a tree, a file or a tag object): name a commit");
            case COMMIT -> { }
        }
        boolean changed = repository.find(release.id()).map(named -> !named.commit().equals(id)).orElse(true);
        List<Long> rerun = List.of();
        if (changed) {
            repository.save(release.id(), new NamedCommit(id, NamedCommit.MAINTAINER, caller.name(), clock.instant()));
            rerun = pipelines.rerun(caller, project.name(), release.version(), Optional.empty()).stream()
                    .map(PipelineView::id).toList();
        }
        ReleaseSource source = sources.of(project, release).orElseThrow();
        return new Changed(project.name(), release.version(), source.commit(), source.namedBy(), source.describe(),
                rerun);
    }

    private static String checkFormat(String value, String what) {
        String id = value.strip();
        if (!COMMIT_ID.matcher(id).matches()) {
            throw new InvalidInputException(what + ": '" + abbreviated(id) + "' is not a commit id; name the commit "
                    + "by its full id, 40 hexadecimal digits (git rev-parse HEAD)");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private static String abbreviated(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
