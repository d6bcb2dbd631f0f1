package dev.assay.server.pipeline;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.accounts.TokenScope;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.pipeline.JobQueue.WorkerLogLine;

/**
 * The worker API over HTTP, {@link JobQueue}'s contract for remote workers; every call needs an API token
 * with the {@code worker} scope. A lost lease answers 409.
 */
@RestController
class WorkerApiController {

    /** {@code POST /api/worker/claim}: the worker's name, shown as the lease holder. */
    record ClaimRequest(String worker) {
    }

    /** The body of heartbeat, log and result calls: the lease the claim returned, and what is sent. */
    record LeaseRequest(String lease, List<WorkerLogLine> lines, List<TaskReport> tasks) {
    }

    static final String LEASE_HEADER = "Assay-Lease";

    private final JobQueue queue;
    private final CallerResolver callers;

    WorkerApiController(JobQueue queue, CallerResolver callers) {
        this.queue = queue;
        this.callers = callers;
    }

    @PostMapping("/api/worker/claim")
    ResponseEntity<ClaimedJob> claim(@RequestBody(required = false) ClaimRequest request, Authentication auth) {
        Caller caller = requireWorker(auth);
        String name = request == null || request.worker() == null ? "worker" : request.worker();
        // the token's id keeps two workers that pick the same name apart in the log
        return queue.claim(caller.token().orElseThrow().id() + ":" + name)
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
    ResponseEntity<Void> result(@PathVariable long id, @RequestBody LeaseRequest request, Authentication auth) {
        requireWorker(auth);
        queue.result(id, request.lease(), request.tasks());
        return ResponseEntity.noContent().build();
    }

    private Caller requireWorker(Authentication auth) {
        Caller caller = callers.require(auth);
        boolean worker = caller.token().map(token -> token.isActive() && token.scopes().contains(TokenScope.WORKER))
                .orElse(false);
        if (!worker) {
            throw new ForbiddenException("the worker API needs an API token with the worker scope: "
                    + "create one with 'assay token create USER --scope worker'");
        }
        return caller;
    }
}
