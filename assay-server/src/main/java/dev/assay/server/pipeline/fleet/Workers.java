package dev.assay.server.pipeline.fleet;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The workers a server has seen, recorded at every claim: the one place that knows who is out there. */
@Service
public class Workers {

    /** How stale a worker's "last seen" may be before a claim records it again. */
    static final Duration SEEN_EVERY = Duration.ofSeconds(5);

    private static final int MAX_VERSION = 100;
    private static final int MAX_INTERPRETERS = 50;
    private static final int MAX_TASKS = 500;
    private static final int MAX_TAGS = 2000;
    private static final int MAX_TEXT = 300;

    /**
     * A worker that claimed this recently is online: an idle one claims every poll interval (a few seconds), one that
     * cannot reach the server at least once a minute. A busy one does not claim; it is online while it holds a live
     * lease, however long its job runs.
     */
    static final Duration ONLINE_WITHIN = Duration.ofSeconds(90);

    private final WorkerRepository repository;
    private final AttemptRepository leases;

    Workers(WorkerRepository repository, AttemptRepository leases) {
        this.repository = repository;
        this.leases = leases;
    }

    /**
     * Records a claim by {@code worker}, offering {@code offer}, at {@code now}, and returns the worker as now known.
     * A worker claiming again with the same offer within {@link #SEEN_EVERY} is not written again: a busy queue
     * answers many claims a second, and "last seen" needs no finer grain.
     */
    public KnownWorker seen(WorkerIdentity worker, WorkerOffer offer, Instant now) {
        check(offer);
        requireSameVersion(offer.version());
        Optional<KnownWorker> known = repository.byHolder(worker.holder());
        if (known.isPresent() && known.get().sameAs(worker, offer)
                && known.get().lastSeen().isAfter(now.minus(SEEN_EVERY))) {
            return known.get();
        }
        repository.seen(worker, offer, now);
        return repository.byHolder(worker.holder()).orElseThrow();
    }

    /** Refuses a worker that says it is another Assay version than this server, with what to do about it. */
    public void requireSameVersion(String workerVersion) {
        AssayVersion.mismatch(workerVersion, AssayVersion.current()).ifPresent(why -> {
            throw new WorkerRefusedException(why);
        });
    }

    private static void check(WorkerOffer offer) {
        if (offer.version() != null && offer.version().length() > MAX_VERSION) {
            throw new InvalidInputException("a worker's version is at most " + MAX_VERSION + " characters");
        }
        if (offer.interpreters().size() > MAX_INTERPRETERS || offer.tasks().size() > MAX_TASKS) {
            throw new InvalidInputException("a worker offers at most " + MAX_INTERPRETERS + " interpreters and "
                    + MAX_TASKS + " tasks");
        }
        boolean tooLong = offer.tasks().stream().anyMatch(task -> task == null || task.length() > MAX_TEXT)
                || offer.interpreters().stream().anyMatch(Workers::tooLong);
        if (tooLong) {
            throw new InvalidInputException("a worker's task names, interpreter versions, paths and tags are 1 to "
                    + MAX_TEXT + " characters each");
        }
    }

    private static boolean tooLong(WorkerOffer.Interpreter interpreter) {
        return interpreter == null || interpreter.version() == null || interpreter.version().length() > MAX_TEXT
                || interpreter.implementation() != null && interpreter.implementation().length() > MAX_TEXT
                || interpreter.executable() != null && interpreter.executable().length() > MAX_TEXT
                || interpreter.tags().size() > MAX_TAGS
                || interpreter.tags().stream().anyMatch(tag -> tag == null || tag.length() > MAX_TEXT);
    }

    /** Every worker seen, the most recently seen first. */
    public List<KnownWorker> all() {
        return repository.all();
    }

    /** The workers online at {@code now}, the most recently seen first: the rule of {@link #isOnline}. */
    public List<KnownWorker> online(Instant now) {
        Set<String> busy = leases.holdersOfLiveLeases(now);
        return repository.all().stream().filter(worker -> isOnline(worker, busy.contains(worker.holder()), now))
                .toList();
    }

    /**
     * The one rule of who is online: a worker seen within {@link #ONLINE_WITHIN} of {@code now}, or one that holds a
     * live lease on a running job ({@code holdsLiveLease}).
     */
    public boolean isOnline(KnownWorker worker, boolean holdsLiveLease, Instant now) {
        return holdsLiveLease || !worker.lastSeen().isBefore(now.minus(ONLINE_WITHIN));
    }

    public Optional<KnownWorker> find(long id) {
        return repository.find(id);
    }
}
