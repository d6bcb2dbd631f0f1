package dev.assay.server.pipeline.triggers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.GitRepositories;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.Trigger;
import dev.assay.server.pipeline.matrix.PythonMatrix;
import dev.assay.server.pipeline.queue.PipelineRepository;
import dev.assay.server.pipeline.queue.PipelineService;

/**
 * Pipelines of commits of a project's repository: queued once per push event of a branch, re-run on request by
 * owners and maintainers, listed by commit or ref for whoever may read the project.
 */
@Service
public class CommitPipelines {

    /** The newest pipeline of a commit, for the source pages. */
    public record CommitStatus(long pipelineId, String status) {
    }

    static final int LIST_LIMIT = 100;
    private static final Pattern COMMIT_PREFIX = Pattern.compile("[0-9a-f]{4,40}");

    private final PipelineRepository pipelines;
    private final PythonMatrix matrix;
    private final PipelineService views;
    private final ProjectService projects;
    private final GitRepositories repositories;
    private final Clock clock;

    CommitPipelines(PipelineRepository pipelines, PythonMatrix matrix, PipelineService views, ProjectService projects,
            GitRepositories repositories, Clock clock) {
        this.pipelines = pipelines;
        this.matrix = matrix;
        this.views = views;
        this.projects = projects;
        this.repositories = repositories;
        this.clock = clock;
    }

    /** Queues the pipeline of a pushed ref unless this push event already did; returns the pipeline's id. */
    @Transactional
    long queueForPush(long projectId, long pushEventId, String commit, String ref, String pushedBy) {
        return pipelines.findByPushEvent(pushEventId).orElseGet(() -> start(new PipelineRepository.NewPipeline(
                projectId, null, null, null, commit, ref, pushEventId, Trigger.PUSH, pushedBy, clock.instant())));
    }

    /**
     * The project's commit pipelines whose commit starts with {@code commit} and whose ref is {@code ref} (a
     * branch name or a full ref), newest first; at least one of the two is needed.
     */
    public List<PipelineView> list(Optional<Caller> caller, String projectName, Optional<String> commit,
            Optional<String> ref) {
        Project project = projects.clientReadable(caller, projectName);
        if (commit.isEmpty() && ref.isEmpty()) {
            throw new InvalidInputException("name the commit (?commit=<id or its first characters>) or the ref "
                    + "(?ref=<branch or refs/...>) whose pipelines to list");
        }
        return pipelines.listForCommits(project.id(), commit.map(CommitPipelines::commitPrefix),
                        ref.map(CommitPipelines::fullRef), LIST_LIMIT)
                .stream().map(row -> views.view(row.id())).toList();
    }

    /** The newest pipeline of the commit, or null: for pages that already checked the project may be read. */
    public CommitStatus latest(long projectId, String commit) {
        return pipelines.listForCommits(projectId, Optional.of(commitPrefix(commit)), Optional.empty(), 1).stream()
                .map(row -> new CommitStatus(row.id(), row.status())).findFirst().orElse(null);
    }

    /** The status of the newest finished pipeline of the branch or ref, or empty when none has finished. */
    public Optional<String> badgeStatus(Optional<Caller> caller, String projectName, String ref) {
        Project project = projects.readable(caller, projectName);
        return pipelines.latestFinishedOnRef(project.id(), fullRef(ref)).map(PipelineRepository.PipelineRow::status);
    }

    /**
     * Queues another pipeline of a commit, under {@code ref} or else the ref its newest pipeline had; owners,
     * maintainers and administrators only.
     */
    @Transactional
    public PipelineView rerun(Caller caller, String projectName, String commit, Optional<String> ref) {
        Project project = projects.project(projectName);
        if (!caller.credentialsAllow(TokenScope.UPLOAD, project.normalizedName())
                && !caller.credentialsAllow(TokenScope.PUSH, project.normalizedName())) {
            throw new ForbiddenException("The API token does not allow re-running pipelines of project '"
                    + project.normalizedName() + "': use a token with the upload or push scope for this project");
        }
        projects.checkMayManage(caller, project);
        String id = resolve(project, commit);
        String gitRef = ref.map(CommitPipelines::fullRef).orElseGet(() -> pipelines
                .listForCommits(project.id(), Optional.of(id), Optional.empty(), 1).stream()
                .map(PipelineRepository.PipelineRow::gitRef).findFirst().orElse(null));
        return views.view(start(new PipelineRepository.NewPipeline(project.id(), null, null, null, id, gitRef, null,
                Trigger.MANUAL, caller.name(), clock.instant())));
    }

    private long start(PipelineRepository.NewPipeline pipeline) {
        long id = pipelines.insert(pipeline);
        matrix.queue(id, pipeline.projectId());
        return id;
    }

    private String resolve(Project project, String commit) {
        String prefix = commitPrefix(commit);
        try (Repository repository = repositories.open(project.normalizedName())) {
            ObjectId id = repository.resolve(prefix + "^{commit}");
            if (id == null) {
                throw new NotFoundException("the repository of project '" + project.name() + "' has no commit '"
                        + prefix + "'");
            }
            return id.name();
        } catch (AmbiguousObjectException ambiguous) {
            throw new InvalidInputException("'" + prefix + "' names more than one object: give more of the commit id");
        } catch (MissingObjectException | IncorrectObjectTypeException | RevisionSyntaxException notACommit) {
            throw new NotFoundException("'" + prefix + "' is not a commit of project '" + project.name() + "'");
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the repository of '" + project.normalizedName() + "'", failure);
        }
    }

    private static String commitPrefix(String commit) {
        String prefix = commit == null ? "" : commit.strip().toLowerCase(Locale.ROOT);
        if (!COMMIT_PREFIX.matcher(prefix).matches()) {
            throw new InvalidInputException("'" + commit + "' is not a commit id: give 4 to 40 hexadecimal digits");
        }
        return prefix;
    }

    /** {@code main} means the branch {@code refs/heads/main}; a name starting with {@code refs/} is taken as is. */
    private static String fullRef(String ref) {
        String name = ref == null ? "" : ref.strip();
        String full = name.startsWith(Constants.R_REFS) ? name : Constants.R_HEADS + name;
        if (name.isEmpty() || !Repository.isValidRefName(full)) {
            throw new InvalidInputException("'" + ref + "' is not a branch or ref name");
        }
        return full;
    }
}
