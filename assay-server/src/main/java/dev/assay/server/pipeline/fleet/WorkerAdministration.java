package dev.assay.server.pipeline.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.NotFoundException;

/**
 * What administrators do with workers: list them, drain one (no new claims; its running jobs finish), cancel one
 * (no new claims; its running jobs' leases revoked, so that they go back to the queue) or make it active again.
 */
@Service
public class WorkerAdministration {

    private final WorkerRepository workers;
    private final Workers rule;
    private final JobAttempts attempts;
    private final Clock clock;

    WorkerAdministration(WorkerRepository workers, Workers rule, JobAttempts attempts, Clock clock) {
        this.workers = workers;
        this.rule = rule;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Every worker seen, the most recently seen first. */
    public List<WorkerView> list(Caller caller) {
        requireAdministrator(caller);
        Instant now = clock.instant();
        return workers.all().stream().map(worker -> view(worker, now)).toList();
    }

    /** One worker, or the 404 of a missing one. */
    public WorkerView worker(Caller caller, long id) {
        requireAdministrator(caller);
        return view(known(id), clock.instant());
    }

    /** Stops giving the worker jobs; the jobs it runs finish. */
    @Transactional
    public WorkerView drain(Caller caller, long id) {
        return change(caller, id, KnownWorker.DRAINING);
    }

    /** Stops giving the worker jobs and revokes the leases of the jobs it runs: they go back to the queue. */
    @Transactional
    public WorkerView cancel(Caller caller, long id) {
        requireAdministrator(caller);
        KnownWorker worker = known(id);
        workers.changeState(id, KnownWorker.CANCELLED, caller.name(), clock.instant());
        attempts.revokeLeases(worker.holder(), clock.instant());
        return view(known(id), clock.instant());
    }

    /** Gives a drained or cancelled worker jobs again. */
    @Transactional
    public WorkerView resume(Caller caller, long id) {
        return change(caller, id, KnownWorker.ACTIVE);
    }

    private WorkerView change(Caller caller, long id, String state) {
        requireAdministrator(caller);
        known(id);
        workers.changeState(id, state, caller.name(), clock.instant());
        return view(known(id), clock.instant());
    }

    private KnownWorker known(long id) {
        return workers.find(id).orElseThrow(() -> new NotFoundException("there is no worker " + id
                + "; the workers page lists every worker that has claimed a job"));
    }

    private WorkerView view(KnownWorker worker, Instant now) {
        List<Long> running = attempts.running(worker.holder(), now);
        return WorkerView.of(worker, rule.isOnline(worker, !running.isEmpty(), now), running);
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only administrators (the admins group, signed in with a password, not a "
                    + "token) may see and manage workers; user '" + caller.name() + "' may not");
        }
    }
}
