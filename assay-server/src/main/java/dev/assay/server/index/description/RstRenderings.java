package dev.assay.server.index.description;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.ReleaseMetadata;
import dev.assay.server.pipeline.JobFinished;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.rawdata.RawFileKey;
import dev.assay.server.pipeline.rawdata.RawFiles;
import dev.assay.tasks.builtin.DescriptionTask;

/**
 * Keeps what a pipeline's {@code description} task made of a release's reStructuredText description: its HTML,
 * sanitised here again (the sandbox's output is as untrusted as the text), or why docutils refused the text.
 */
@Service
public class RstRenderings {

    private static final Logger log = LoggerFactory.getLogger(RstRenderings.class);
    private static final int MAX_PROBLEM = 2000;

    private final RstRenderingRepository renderings;
    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final RawFiles rawFiles;
    private final Clock clock;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    RstRenderings(RstRenderingRepository renderings, ProjectService projects, ReleaseLookup lookup,
            RawFiles rawFiles, Clock clock) {
        this.renderings = renderings;
        this.projects = projects;
        this.lookup = lookup;
        this.rawFiles = rawFiles;
        this.clock = clock;
    }

    /** The rendering of the release's description as it is now, if a pipeline made one. */
    public Optional<RstRendering> find(Release release) {
        String sha256 = DescriptionTask.sha256(description(release));
        return renderings.find(release.id()).filter(found -> found.descriptionSha256().equals(sha256));
    }

    /**
     * Inside the transaction recording the job's result: keeps its {@code description} task's rendering when it
     * was made from the text the release shows (another file of the release may carry another description).
     */
    @EventListener
    void finished(JobFinished job) {
        Optional<TaskReport> task = job.tasks().stream().filter(t -> t.name().equals(DescriptionTask.NAME)).findFirst();
        if (task.isEmpty() || !task.get().outcome().equals("passed")
                || !(task.get().rawData().get("values") instanceof Map<?, ?> values)) {
            return;
        }
        Optional<Release> release = release(job);
        Object sha256 = values.get(DescriptionTask.SHA256);
        if (release.isEmpty() || !DescriptionTask.sha256(description(release.get())).equals(sha256)) {
            return;
        }
        Optional<RstRendering> rendering = switch (String.valueOf(values.get(DescriptionTask.RESULT))) {
            case "rendered" -> html(job).map(html -> new RstRendering(release.get().id(), (String) sha256,
                    Optional.of(sanitizer.sanitize(html)), Optional.empty()));
            case "failed" -> Optional.of(new RstRendering(release.get().id(), (String) sha256, Optional.empty(),
                    Optional.of(problem(values.get(DescriptionTask.MESSAGES)))));
            default -> Optional.empty();
        };
        rendering.ifPresent(kept -> renderings.save(kept, job.pipelineId(), clock.instant()));
    }

    private Optional<Release> release(JobFinished job) {
        try {
            return projects.find(job.project()).map(project -> lookup.release(project, job.version()));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    // A file cut by the raw-data limits is not the whole rendering: the page keeps the text instead.
    private Optional<String> html(JobFinished job) {
        Object entry = rawFiles.rawDataFiles(job.jobId(), job.attempt()).getOrDefault(DescriptionTask.NAME, Map.of())
                .get(DescriptionTask.HTML);
        if (!(entry instanceof Map<?, ?> file) || Boolean.TRUE.equals(file.get("truncated"))) {
            return Optional.empty();
        }
        Optional<Path> kept = rawFiles.locate(new RawFileKey(job.pipelineId(), job.jobId(), job.attempt(),
                DescriptionTask.NAME, DescriptionTask.HTML));
        try {
            return kept.isEmpty() ? Optional.empty()
                    : Optional.of(Files.readString(kept.get(), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            log.warn("rendered description of job {} not kept: {}", job.jobId(), unreadable.toString());
            return Optional.empty();
        }
    }

    private static String problem(Object messages) {
        String text = messages == null || String.valueOf(messages).isBlank() ? "it does not render"
                : String.valueOf(messages);
        return text.length() <= MAX_PROBLEM ? text : text.substring(0, MAX_PROBLEM - 1) + "…";
    }

    private static String description(Release release) {
        return ReleaseMetadata.of(release).description().orElse("");
    }
}
