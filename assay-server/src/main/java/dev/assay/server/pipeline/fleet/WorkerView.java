package dev.assay.server.pipeline.fleet;

import java.time.Instant;
import java.util.List;

import dev.assay.server.pipeline.WorkerOffer;

/**
 * A worker as administrators see it: who and where ({@code holder}, the name its leases carry), what it offers
 * (version, interpreters, tasks), when it was seen, whether it is online, the state they gave it, and the jobs it
 * runs now.
 */
public record WorkerView(long id, String holder, String kind, String name, String host, Long tokenId, String version,
        List<WorkerOffer.Interpreter> interpreters, List<String> tasks, Instant firstSeen, Instant lastSeen,
        boolean online, String state, List<Long> runningJobs) {

    static WorkerView of(KnownWorker worker, boolean online, List<Long> runningJobs) {
        return new WorkerView(worker.id(), worker.holder(), worker.kind(), worker.name(), worker.host(),
                worker.tokenId(), worker.offer().version(), worker.offer().interpreters(), worker.offer().tasks(),
                worker.firstSeen(), worker.lastSeen(), online, worker.state(), runningJobs);
    }
}
