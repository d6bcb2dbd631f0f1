package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.fleet.Workers;
import dev.assay.server.pipeline.plugins.TaskState;
import dev.assay.server.pipeline.plugins.TaskSwitches;
import dev.assay.server.pipeline.queue.JobQueue.WorkerLogLine;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.pipeline.queue.JobRepository;
import dev.assay.server.pipeline.downstream.DownstreamPins;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;
import dev.assay.server.storage.ScratchSpace;
import dev.assay.server.upstream.files.UpstreamFileCache;

/**
 * The worker API over HTTP, {@link JobQueue}'s contract for remote workers; every call needs an API token
 * with the {@code worker} scope whose owner is an administrator at the time of the call. A lost lease answers 409.
 */
@RestController
public class WorkerApiController {

    /** {@code POST /api/worker/claim}: the worker's name and host, recorded as the job's worker. */
    record ClaimRequest(String worker, String host, WorkerOffer offer) {
    }

    /** The body of heartbeat, log and result calls: the lease the claim returned, and what is sent. */
    record LeaseRequest(String lease, List<WorkerLogLine> lines, List<TaskReport> tasks) {
    }

    public static final String LEASE_HEADER = "Assay-Lease";
    /** The source tree's commit time, epoch seconds: the rebuild's {@code SOURCE_DATE_EPOCH}. */
    public static final String COMMIT_TIME_HEADER = "Assay-Commit-Time";

    /**
     * {@code POST /api/worker/jobs/ID/wheelhouse}: the worker's Python, and a commit's wheel's requirements, or the
     * build requirements of the job's sources.
     */
    record WheelhouseRequest(String lease, Python python, List<String> requiresDist, List<String> buildRequires) {
        record Python(String version, String platform, String machine) {
        }
    }

    private final JobQueue queue;
    private final CallerResolver callers;
    private final IndexWheelhouse wheelhouse;
    private final DistributionStore store;
    private final CommitCheckout checkout;
    private final ServerMetadata metadata;
    private final ScratchSpace scratch;
    private final UpstreamFileCache mirrored;
    private final Workers workers;
    private final TaskSwitches switches;
    private final DownstreamPins pins;

    WorkerApiController(JobQueue queue, CallerResolver callers, IndexWheelhouse wheelhouse, DistributionStore store,
            CommitCheckout checkout, ServerMetadata metadata, ScratchSpace scratch, UpstreamFileCache mirrored,
            Workers workers, TaskSwitches switches, DownstreamPins pins) {
        this.pins = pins;
        this.workers = workers;
        this.switches = switches;
        this.mirrored = mirrored;
        this.queue = queue;
        this.callers = callers;
        this.wheelhouse = wheelhouse;
        this.store = store;
        this.checkout = checkout;
        this.metadata = metadata;
        this.scratch = scratch;
    }

    /**
     * {@code GET /api/worker/hello?version=V}: lets {@code assay worker} check the server, its token and that both
     * are the same Assay version before it starts.
     */
    @GetMapping("/api/worker/hello")
    Map<String, Object> hello(@RequestParam(required = false) String version, Authentication auth) {
        requireWorker(auth);
        workers.requireSameVersion(version);
        return Map.of("server", "assay", "api", "worker", "version", AssayVersion.current());
    }

    /**
     * {@code GET /api/worker/tasks}: which tasks run, and the server's command tasks to build, asked by a worker
     * before each job.
     */
    @GetMapping("/api/worker/tasks")
    TaskState tasks(Authentication auth) {
        requireWorker(auth);
        return switches.state();
    }

    /**
     * One file a held job stages: its distribution file (a mirrored file's kept copy), its release's sdist, or a
     * dependency wheel its pipeline may stage (a private project's only for a private project's pipeline).
     */
    @GetMapping("/api/worker/jobs/{id}/download/{filename}")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable String filename,
            @RequestHeader(name = LEASE_HEADER, required = false) String lease, Authentication auth) {
        requireWorker(auth);
        JobRepository.HeldJob job = queue.held(id, lease);
        Optional<Path> underTest = filename.equals(job.filename()) ? fileUnderTest(job) : Optional.empty();
        boolean ownSdist = job.filename() != null && !job.testsMirroredFile() && wheelhouse
                .sdistFile(job.project(), job.version()).map(DistributionFile::filename).filter(filename::equals)
                .isPresent();
        Path file = underTest.or(() -> ownSdist ? Optional.of(store.locate(job.project(), filename)) : Optional.empty())
                .or(() -> wheelhouse.stageable(job.project(), filename, pins.pin(job.pipelineId())))
                .orElseThrow(() -> new NotFoundException("job " + id + " does not stage the file " + filename));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(file));
    }

    /**
     * The held job's dependency wheels, as the in-process wheelhouse resolves them for the worker's Python: a
     * release's from what the index knows and {@code requiresDist} (the wheel's under test), a commit's from
     * {@code requiresDist} (its built wheel's); or, given {@code buildRequires}, the wheels those resolve to.
     */
    @PostMapping("/api/worker/jobs/{id}/wheelhouse")
    Map<String, Object> wheelhouse(@PathVariable long id, @RequestBody WheelhouseRequest request, Authentication auth) {
        requireWorker(auth);
        JobRepository.HeldJob job = queue.held(id, request.lease());
        if (request.python() == null || request.python().version() == null || request.python().platform() == null) {
            throw new InvalidInputException("'python' with the worker's 'version', 'platform' and 'machine' is required");
        }
        MarkerEnvironment environment = MarkerEnvironment.cpython(request.python().version(),
                request.python().platform(), request.python().machine());
        List<String> requiresDist = request.requiresDist() == null ? List.of()
                : requirements("requiresDist", request.requiresDist());
        IndexWheelhouse.Picks picks = request.buildRequires() != null
                ? wheelhouse.pick(job.project(), requirements("buildRequires", request.buildRequires()), environment)
                : job.filename() == null || job.testsMirroredFile()
                        ? wheelhouse.pick(job.project(), requiresDist, environment)
                : wheelhouse.pick(job.project(), job.version(), requiresDist, environment, pins.pin(job.pipelineId()));
        List<Map<String, String>> staged = picks.picked().stream().map(picked -> staged(id, picked)).toList();
        return Map.of("staged", staged, "unresolved", picks.unresolved());
    }

    // `upstream` only for a wheel staged from an upstream (its URL), as the worker records it.
    private static Map<String, String> staged(long id, IndexWheelhouse.Picked picked) {
        Map<String, String> file = new LinkedHashMap<>(Map.of("requirement", picked.staged().requirement(),
                "project", picked.staged().project(), "version", picked.staged().version(),
                "filename", picked.staged().filename(),
                "url", "/api/worker/jobs/" + id + "/download/" + picked.staged().filename(), "sha256", picked.sha256()));
        if (picked.staged().upstream() != null) {
            file.put("upstream", picked.staged().upstream());
        }
        return file;
    }

    // A requirement the resolver cannot parse is the worker's mistake (it parsed them first), not a server error.
    private static List<String> requirements(String field, List<String> texts) {
        for (String text : texts) {
            try {
                Requirement.parse(text);
            } catch (RuntimeException invalid) {
                throw new InvalidInputException("'" + field + "' holds an invalid requirement '" + text + "': "
                        + invalid.getMessage());
            }
        }
        return texts;
    }

    /**
     * The held commit job's tree as a gzipped tar, written from the bare repository with the in-process
     * checkout's rules (regular and executable files only, paths checked, bounded); the links and submodules
     * left out are named in the {@code Assay-Left-Out} header, the commit's committer time (epoch seconds) in
     * {@code Assay-Commit-Time}.
     */
    @GetMapping("/api/worker/jobs/{id}/source")
    ResponseEntity<StreamingResponseBody> source(@PathVariable long id,
            @RequestHeader(name = LEASE_HEADER, required = false) String lease, Authentication auth) throws IOException {
        requireWorker(auth);
        JobRepository.HeldJob job = queue.held(id, lease);
        String commit = queue.sourceCommit(job).orElseThrow(() -> new NotFoundException("job " + id
                + " tests a file whose release has an sdist or no tagged commit: it has no source tree"));
        // in this server's scratch folder, which the next start clears if a kill cuts the download short
        Path temporary = scratch.newDirectory("assay-source");
        CommitCheckout.Checkout tree;
        try {
            tree = checkout.export(job.project(), commit, temporary.resolve("tree"));
        } catch (IOException | RuntimeException failed) {
            JobRunner.deleteQuietly(temporary);
            throw failed;
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/gzip"))
                .header("Assay-Left-Out", String.join(",", tree.leftOut()))
                .header(COMMIT_TIME_HEADER, Long.toString(tree.commitTime()))
                .body(out -> {
                    try {
                        SourceArchive.write(tree.directory(), out);
                    } finally {
                        JobRunner.deleteQuietly(temporary);
                    }
                });
    }

    @PostMapping("/api/worker/claim")
    ResponseEntity<ClaimedJob> claim(@RequestBody(required = false) ClaimRequest request, Authentication auth) {
        Caller caller = requireWorker(auth);
        String name = request == null || request.worker() == null ? "worker" : request.worker();
        String host = request == null || request.host() == null || request.host().isBlank() ? null
                : request.host().strip();
        WorkerOffer offer = request == null || request.offer() == null ? WorkerOffer.UNKNOWN : request.offer();
        return queue.claim(WorkerIdentity.remote(caller.token().orElseThrow(), name, host), offer)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/worker/jobs/{id}/heartbeat")
    Map<String, Instant> heartbeat(@PathVariable long id, @RequestBody LeaseRequest request, Authentication auth) {
        requireWorker(auth);
        return Map.of("leaseExpiresAt", queue.heartbeat(id, request.lease()));
    }

    @PostMapping("/api/worker/jobs/{id}/log")
    ResponseEntity<Void> log(@PathVariable long id, @RequestBody LeaseRequest request, Authentication auth) {
        requireWorker(auth);
        queue.log(id, request.lease(), request.lines() == null ? List.of() : request.lines());
        return ResponseEntity.noContent().build();
    }

    /**
     * One raw-data file of a task, as the request body (any content type but a form's), with the claim's lease
     * in the {@code Assay-Lease} header; answers the file's raw-data entry. Send the files before the result.
     */
    @PostMapping("/api/worker/jobs/{id}/files/{task}/{name}")
    Map<String, Object> file(@PathVariable long id, @PathVariable String task, @PathVariable String name,
            @RequestHeader(name = LEASE_HEADER, required = false) String lease, InputStream body, Authentication auth) {
        requireWorker(auth);
        return queue.attach(id, lease, task, name, body);
    }

    @PostMapping("/api/worker/jobs/{id}/result")
    ResponseEntity<Void> result(@PathVariable long id, @RequestBody LeaseRequest request, Authentication auth)
            throws InterruptedException {
        requireWorker(auth);
        JobRepository.HeldJob job = queue.held(id, request.lease());
        // a remote worker has no metadata check (it is the server's validator): the server runs it here
        queue.result(id, request.lease(), metadata.complete(fileUnderTest(job), request.tasks()));
        return ResponseEntity.noContent().build();
    }

    // The job's own file: a hosted project's from the store, a mirrored file's kept copy; empty for a commit.
    private Optional<Path> fileUnderTest(JobRepository.HeldJob job) {
        if (job.filename() == null) {
            return Optional.empty();
        }
        return job.testsMirroredFile() ? mirrored.kept(job.project(), job.filename())
                : Optional.of(store.locate(job.project(), job.filename()));
    }

    private Caller requireWorker(Authentication auth) {
        Caller caller = callers.require(auth);
        boolean worker = caller.token().map(token -> token.isActive() && token.scopes().contains(TokenScope.WORKER))
                .orElse(false);
        if (!worker) {
            throw new ForbiddenException("the worker API needs an API token with the worker scope: "
                    + "create one with 'assay token create ADMIN --scope worker'");
        }
        // checked on every call, so that demoting a token's owner stops their workers at the next one
        if (!caller.user().isAdmin()) {
            throw new ForbiddenException("the worker token's owner " + caller.name() + " is not an administrator: "
                    + "only administrators' worker tokens may run pipelines; an administrator must create this "
                    + "worker a new token");
        }
        return caller;
    }
}
