package dev.assay.server.pipeline.queue;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.FileUploaded;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.pipeline.FindingView;
import dev.assay.server.pipeline.LogLine;
import dev.assay.server.pipeline.PipelineDetail;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.RetestOf;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.Trigger;
import dev.assay.server.pipeline.downstream.DownstreamPins;
import dev.assay.server.pipeline.matrix.PythonMatrix;
import dev.assay.server.pipeline.rawdata.RawDataService;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Starts pipelines (on upload, on request) and reads them back with their results. */
@Service
public class PipelineService {

    private static final TypeReference<List<FindingView>> FINDINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> RAW_DATA = new TypeReference<>() { };

    private final PipelineRepository pipelines;
    private final JobRepository jobs;
    private final ProjectService projects;
    private final ReleaseLookup releases;
    private final JsonMapper json;
    private final Clock clock;
    private final PythonMatrix matrix;
    private final DownstreamPins retests;

    PipelineService(PipelineRepository pipelines, JobRepository jobs, ProjectService projects, ReleaseLookup releases,
            JsonMapper json, Clock clock, PythonMatrix matrix, DownstreamPins retests) {
        this.matrix = matrix;
        this.retests = retests;
        this.pipelines = pipelines;
        this.jobs = jobs;
        this.projects = projects;
        this.releases = releases;
        this.json = json;
        this.clock = clock;
    }

    /** Queues a pipeline for an accepted upload, inside the upload's transaction. */
    @EventListener
    void uploaded(FileUploaded upload) {
        start(upload.projectId(), upload.releaseId(), upload.fileId(), upload.filename(), Trigger.UPLOAD,
                upload.uploader());
    }

    /**
     * Queues a pipeline for one file of a release, or for each of its files when {@code filename} is empty;
     * owners, maintainers and administrators only.
     */
    @Transactional
    public List<PipelineView> rerun(Caller caller, String projectName, String version, Optional<String> filename) {
        Project project = projects.project(projectName);
        if (!caller.credentialsAllow(TokenScope.UPLOAD, project.normalizedName())) {
            throw new ForbiddenException("The API token does not allow re-running pipelines of project '"
                    + project.normalizedName() + "': use a token with the upload scope for this project");
        }
        projects.checkMayManage(caller, project);
        Release release = releases.release(project, version);
        List<DistributionFile> files = releases.files(release).stream()
                .filter(file -> filename.map(file.filename()::equals).orElse(true)).toList();
        if (files.isEmpty()) {
            throw filename.<RuntimeException>map(name -> new NotFoundException("release " + release.version()
                            + " of project '" + project.name() + "' has no file '" + name + "'"))
                    .orElseGet(() -> new InvalidInputException("release " + release.version() + " has no files to test"));
        }
        return files.stream()
                .map(file -> start(project.id(), release.id(), file.id(), file.filename(), Trigger.MANUAL, caller.name()))
                .map(this::view)
                .toList();
    }

    /** The release's pipelines, newest first, if the caller may read the project. */
    public List<PipelineView> forRelease(Optional<Caller> caller, String projectName, String version) {
        Project project = projects.clientReadable(caller, projectName);
        Release release = releases.release(project, version);
        return pipelines.listForRelease(release.id()).stream().map(row -> view(row.id())).toList();
    }

    /** The newest pipeline of each file of a release, by file name (for the release page). */
    public List<PipelineView> latestPerFile(long releaseId) {
        return pipelines.latestPerFile(releaseId).stream().map(row -> view(row.id())).toList();
    }

    /** One pipeline with its log, if the caller may read its project; otherwise the 404 of a missing one. */
    public PipelineDetail detail(Optional<Caller> caller, long id) {
        PipelineView view = readableView(caller, id);
        List<LogLine> log = jobs.latestJob(id).map(pipelines::log).orElse(List.of());
        return new PipelineDetail(view, log);
    }

    /**
     * One pipeline without its log, if the caller may read its project (a mirrored file's is read as a public
     * project's, by everyone); otherwise the 404 of a missing one.
     */
    public PipelineView readableView(Optional<Caller> caller, long id) {
        PipelineView view = view(id);
        if (!view.ofMirroredFile() && !projects.mayRead(caller, projects.project(view.project()))) {
            throw new NotFoundException("there is no pipeline " + id);
        }
        return view;
    }

    /** The status of the project's newest finished pipeline, or empty when none has finished. */
    public Optional<String> badgeStatus(Optional<Caller> caller, String projectName) {
        Project project = projects.readable(caller, projectName);
        return pipelines.latestFinished(project.id()).map(PipelineRepository.PipelineRow::status);
    }

    /** The project's newest finished pipeline, for the badge in its page's header; the page checked access. */
    public Optional<PipelineRepository.PipelineRow> latestFinished(long projectId) {
        return pipelines.latestFinished(projectId);
    }

    /**
     * Queues a re-test of a dependent release's file below every other job, inside the caller's transaction;
     * returns the new pipeline's id.
     */
    public long startDownstream(long projectId, long releaseId, long fileId, String filename, String by) {
        return start(projectId, releaseId, fileId, filename, Trigger.DOWNSTREAM, by, JobPriority.DOWNSTREAM);
    }

    /** The release's newest pipeline that is not a downstream re-test: what a re-test is compared with. */
    public Optional<PipelineRepository.PipelineRow> latestOrdinary(long releaseId) {
        return pipelines.listForRelease(releaseId).stream()
                .filter(row -> !Trigger.DOWNSTREAM.key().equals(row.trigger()) && row.filename() != null).findFirst();
    }

    /** The release's newest pipeline of each file that is not a downstream re-test: what its own checks say. */
    public List<PipelineRepository.PipelineRow> latestOrdinaryPerFile(long releaseId) {
        Map<String, PipelineRepository.PipelineRow> newest = new LinkedHashMap<>();
        pipelines.listForRelease(releaseId).stream()
                .filter(row -> !Trigger.DOWNSTREAM.key().equals(row.trigger()) && row.filename() != null)
                .forEach(row -> newest.putIfAbsent(row.filename(), row));
        return List.copyOf(newest.values());
    }

    private long start(long projectId, long releaseId, long fileId, String filename, Trigger trigger, String by) {
        return start(projectId, releaseId, fileId, filename, trigger, by, JobPriority.NORMAL);
    }

    private long start(long projectId, long releaseId, long fileId, String filename, Trigger trigger, String by,
            JobPriority priority) {
        long id = pipelines.insert(PipelineRepository.NewPipeline.ofFile(projectId, releaseId, fileId, filename,
                trigger, by, clock.instant()));
        matrix.queue(id, projectId, priority);
        return id;
    }

    /** One pipeline with its latest job's results; no access check, for callers that made theirs. */
    public PipelineView view(long id) {
        PipelineRepository.PipelineRow row = pipelines.find(id)
                .orElseThrow(() -> new NotFoundException("there is no pipeline " + id));
        Optional<Long> job = jobs.latestJob(id);
        // the jobs in the order queued: the latest job's results are the last run's
        List<PipelineView.PythonRun> matrix = jobs.jobsOf(id).stream().map(run -> new PipelineView.PythonRun(run.id(),
                run.python(), run.status(), taskReports(id, run.id(), job.orElse(0L) == run.id()))).toList();
        List<TaskReport> tasks = matrix.isEmpty() ? List.of() : matrix.get(matrix.size() - 1).tasks();
        return new PipelineView(row.id(), row.project(), row.version(), row.filename(), row.gitCommit(), row.gitRef(),
                row.trigger(), row.status(), row.requestedBy(), row.createdAt(), row.startedAt(), row.finishedAt(),
                row.durationMs(), job.map(jobs::attempts).orElse(0), job.flatMap(jobs::worker).orElse(null), tasks,
                row.upstream(), matrix, retestOf(row).orElse(null));
    }

    /** The library release a downstream re-test is for; empty for any other pipeline. */
    public Optional<RetestOf> retestOf(PipelineRepository.PipelineRow row) {
        return Trigger.DOWNSTREAM.key().equals(row.trigger()) ? retests.retestOf(row.id()) : Optional.empty();
    }

    /** The job's task results, their raw data linked by job unless it is the latest, whose links name no job. */
    private List<TaskReport> taskReports(long pipelineId, long jobId, boolean latest) {
        Long linkedJob = latest ? null : jobId;
        return pipelines.tasks(jobId).stream()
                .map(task -> new TaskReport(task.task(), task.outcome(), task.startedAt(), task.endedAt(),
                        task.durationMs(), task.summary(), json.readValue(task.findingsJson(), FINDINGS),
                        RawDataService.withLinks(pipelineId, linkedJob, task.task(),
                                json.readValue(task.rawDataJson(), RAW_DATA))))
                .toList();
    }
}
