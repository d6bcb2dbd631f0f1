package dev.assay.server.pipeline.triggers;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.Trigger;
import dev.assay.server.pipeline.matrix.PythonMatrix;
import dev.assay.server.pipeline.queue.PipelineRepository;
import dev.assay.server.pipeline.queue.PipelineService;
import dev.assay.server.upstream.MirroredFiles;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamIndex;
import dev.assay.server.upstream.UpstreamProject;

/**
 * Pipelines of mirrored files, so that an organisation can vet the public packages it uses: an administrator names
 * a file an upstream lists now for a name this index does not host; its kept copy (fetched first) is tested as an
 * uploaded file is.
 */
@Service
public class MirroredFilePipelines {

    private static final int LISTED = 100;

    private final UpstreamIndex index;
    private final MirroredFiles mirrored;
    private final PipelineRepository pipelines;
    private final PythonMatrix matrix;
    private final PipelineService views;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MirroredFilePipelines(UpstreamIndex index, MirroredFiles mirrored, PipelineRepository pipelines,
            PythonMatrix matrix, PipelineService views, TransactionTemplate transactions, Clock clock) {
        this.index = index;
        this.mirrored = mirrored;
        this.pipelines = pipelines;
        this.matrix = matrix;
        this.views = views;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Queues a pipeline of {@code filename} of the upstream project {@code project}, once its copy is kept;
     * administrators only. A file upstream does not list now (unknown, quarantined, or of a name this index hosts
     * or reserves) is a 404.
     */
    public PipelineView start(Caller caller, String project, String filename) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only administrators (signed in with a password, not a token) may start "
                    + "pipelines of mirrored files");
        }
        if (project == null || project.isBlank() || !ProjectName.isValid(project.strip())) {
            throw new InvalidInputException("'project' must be a valid project name, as upstream lists it");
        }
        if (filename == null || filename.isBlank()) {
            throw new InvalidInputException("'filename' must name a file upstream lists for the project");
        }
        String name = ProjectName.normalize(project.strip());
        UpstreamProject listed = index.project(name).orElseThrow(() -> new NotFoundException("no upstream lists "
                + "a project '" + name + "' for this index (a name hosted or reserved here is never taken from "
                + "upstream)"));
        UpstreamFile file = listed.files().stream().filter(candidate -> candidate.filename().equals(filename))
                .findFirst().orElseThrow(() -> notListed(listed, filename));
        mirrored.fetch(listed, file);
        return views.view(queue(name, file.filename(), listed.upstream().url(), caller.name()));
    }

    /**
     * Queues the pipeline an administrator would start, of a file just kept from an upstream whose policy vets new
     * files, requested by {@code requestedBy} rather than a person. Returns the pipeline's id.
     */
    long startByPolicy(String normalizedProject, String filename, String upstreamUrl, String requestedBy) {
        return queue(normalizedProject, filename, upstreamUrl, requestedBy);
    }

    private long queue(String project, String filename, String upstreamUrl, String requestedBy) {
        return transactions.execute(status -> {
            long pipeline = pipelines.insert(PipelineRepository.NewPipeline.ofMirroredFile(project, filename,
                    upstreamUrl, Trigger.MANUAL, requestedBy, clock.instant()));
            matrix.queue(pipeline, null);
            return pipeline;
        });
    }

    /** The newest pipelines of mirrored files of the upstream project, read as a public project's are. */
    public List<PipelineView> forProject(String project) {
        return pipelines.listForUpstreamProject(ProjectName.normalize(project), LISTED).stream()
                .map(row -> views.view(row.id())).toList();
    }

    private static NotFoundException notListed(UpstreamProject listed, String filename) {
        return listed.quarantined(filename).map(file -> new NotFoundException("the file '" + filename + "' of '"
                + listed.normalizedName() + "' at upstream " + listed.upstream().url() + " is "
                + file.reason(listed.upstream().quarantineDays()))).orElseGet(() -> {
                    String hidden = listed.quarantined() == 0 ? "" : " (" + listed.quarantined()
                            + " of its files are in quarantine, upstream's newest releases)";
                    return new NotFoundException("upstream " + listed.upstream().url() + " does not list a file '"
                            + filename + "' for project '" + listed.normalizedName() + "'" + hidden);
                });
    }
}
