package dev.assay.server.pipeline.rawdata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.error.UnauthorizedException;
import dev.assay.server.index.ProjectService;
import dev.assay.server.pipeline.queue.JobRepository;
import dev.assay.server.pipeline.queue.PipelineRepository.PipelineRow;
import dev.assay.server.pipeline.queue.PipelineRepository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads one task's stored raw data and its kept files, for whoever may read the pipeline's project. */
@Service
public class RawDataService {

    /** A task's raw data: its values and its kept files, each with where to download it. */
    record TaskRawData(long pipeline, String task, Object values, List<RawFileView> files) {
    }

    /** A kept file as listed: its raw-data entry, its content type, and its download link. */
    record RawFileView(String name, long size, boolean truncated, Long originalSize, String limit, String contentType,
            String url) {
    }

    /** A kept file to send. */
    record Download(Path path, String filename, MediaType contentType) {

        /** Whether a browser may show it in place: plain text only, never markup that could run script. */
        boolean inline() {
            return contentType.isCompatibleWith(MediaType.TEXT_PLAIN);
        }
    }

    private static final TypeReference<Map<String, Object>> RAW_DATA = new TypeReference<>() { };
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final PipelineRepository pipelines;
    private final JobRepository jobs;
    private final ProjectService projects;
    private final RawFiles rawFiles;
    private final JsonMapper json;

    RawDataService(PipelineRepository pipelines, JobRepository jobs, ProjectService projects, RawFiles rawFiles,
            JsonMapper json) {
        this.pipelines = pipelines;
        this.jobs = jobs;
        this.projects = projects;
        this.rawFiles = rawFiles;
        this.json = json;
    }

    /**
     * The task's raw data in the pipeline's job {@code job} (empty: its latest). An outsider gets the 404 of a
     * missing pipeline; with {@code challenge} (machine clients), an anonymous caller gets a 401 first.
     */
    TaskRawData taskRawData(Optional<Caller> caller, long pipelineId, Optional<Long> job, String task,
            boolean challenge) {
        Map<String, Object> raw = storedRawData(caller, pipelineId, job, task, challenge).rawData();
        List<RawFileView> files = new ArrayList<>();
        filesOf(raw).forEach((name, entry) -> files.add(view(pipelineId, job.orElse(null), task, name, entry)));
        return new TaskRawData(pipelineId, task, raw.getOrDefault("values", Map.of()), files);
    }

    /** One kept file of the task, under the same rule as {@link #taskRawData}. */
    Download file(Optional<Caller> caller, long pipelineId, Optional<Long> job, String task, String name,
            boolean challenge) {
        Stored stored = storedRawData(caller, pipelineId, job, task, challenge);
        NotFoundException missing = new NotFoundException("task " + task + " of pipeline " + pipelineId
                + " kept no file named '" + name + "'");
        if (!RawFileKey.isValidName(name) || !filesOf(stored.rawData()).containsKey(name)) {
            throw missing;
        }
        Path path = rawFiles.locate(new RawFileKey(pipelineId, stored.jobId(), stored.attempt(), task, name))
                .orElseThrow(() -> missing);
        MediaType type = contentType(name);
        String extension = type.equals(TEXT) ? ".txt" : type.equals(MediaType.APPLICATION_XML) ? ".xml" : "";
        return new Download(path, "pipeline-" + pipelineId + "-" + task + "-" + name + extension, type);
    }

    /** How a kept file is served: logs and traces as UTF-8 text, JUnit reports as XML, the rest as bytes. */
    static MediaType contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("log") || lower.endsWith("trace") || lower.endsWith(".txt")) {
            return TEXT;
        }
        if (lower.endsWith("xml")) {
            return MediaType.APPLICATION_XML;
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    /**
     * A copy of a task's stored raw data with download links: {@code url}, and {@code url} on each kept file; those of
     * a job other than the pipeline's latest name it ({@code job}, null for the latest).
     */
    public static Map<String, Object> withLinks(long pipelineId, Long job, String task, Map<String, Object> rawData) {
        Map<String, Object> linked = new LinkedHashMap<>(rawData);
        Map<String, Object> files = new LinkedHashMap<>();
        filesOf(rawData).forEach((name, entry) -> {
            Map<String, Object> file = new LinkedHashMap<>(entry);
            file.put("url", fileUrl(pipelineId, job, task, name));
            files.put(name, file);
        });
        linked.put("files", files);
        linked.put("url", taskPath(pipelineId, task) + jobQuery(job));
        return linked;
    }

    private static String taskPath(long pipelineId, String task) {
        return "/api/v1/pipelines/" + pipelineId + "/raw/" + task;
    }

    /** Where the API serves a kept file of the job {@code job} (null: the latest). */
    static String fileUrl(long pipelineId, Long job, String task, String name) {
        return taskPath(pipelineId, task) + "/files/" + name + jobQuery(job);
    }

    private static String jobQuery(Long job) {
        return job == null ? "" : "?job=" + job;
    }

    private record Stored(long jobId, int attempt, Map<String, Object> rawData) {
    }

    private Stored storedRawData(Optional<Caller> caller, long pipelineId, Optional<Long> job, String task,
            boolean challenge) {
        NotFoundException noPipeline = new NotFoundException("there is no pipeline " + pipelineId);
        PipelineRow row = pipelines.find(pipelineId).orElseThrow(() -> noPipeline);
        // a mirrored file's pipeline is read as a public project's
        if (row.upstream() == null && !projects.mayRead(caller, projects.project(row.project()))) {
            if (challenge && caller.isEmpty()) {
                throw new UnauthorizedException("authentication required: send HTTP Basic credentials, your user "
                        + "name and password, or __token__ and an API token");
            }
            throw noPipeline;
        }
        long jobId = job.isEmpty() ? jobs.latestJob(pipelineId).orElseThrow(() -> noPipeline)
                : jobs.jobsOf(pipelineId).stream().map(JobRepository.MatrixJob::id).filter(job.get()::equals)
                        .findFirst().orElseThrow(() -> new NotFoundException("pipeline " + pipelineId
                                + " has no job " + job.get()));
        PipelineRepository.StoredTask stored = pipelines.tasks(jobId).stream()
                .filter(candidate -> candidate.task().equals(task)).findFirst()
                .orElseThrow(() -> new NotFoundException("pipeline " + pipelineId + " has no result for a task named '"
                        + task + "'"));
        return new Stored(jobId, jobs.attempts(jobId), json.readValue(stored.rawDataJson(), RAW_DATA));
    }

    /** The raw data's kept files by name; entries of another shape (workspace paths of old results) are not files. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> filesOf(Map<String, Object> rawData) {
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        if (rawData.get("files") instanceof Map<?, ?> entries) {
            entries.forEach((name, entry) -> {
                if (entry instanceof Map<?, ?> described) {
                    files.put(String.valueOf(name), (Map<String, Object>) described);
                }
            });
        }
        return files;
    }

    private static RawFileView view(long pipelineId, Long job, String task, String name, Map<String, Object> entry) {
        Object originalSize = entry.get("originalSize");
        return new RawFileView(name, ((Number) entry.getOrDefault("size", 0)).longValue(),
                Boolean.TRUE.equals(entry.get("truncated")),
                originalSize instanceof Number number ? number.longValue() : null,
                (String) entry.get("limit"), contentType(name).toString(), fileUrl(pipelineId, job, task, name));
    }
}
