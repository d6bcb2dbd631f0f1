package dev.assay.server.pipeline.fleet;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final WorkerRepository repository;

    Workers(WorkerRepository repository) {
        this.repository = repository;
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

    /** The workers seen at or after {@code since}: those still claiming. */
    public List<KnownWorker> seenSince(Instant since) {
        return repository.seenSince(since);
    }

    public Optional<KnownWorker> find(long id) {
        return repository.find(id);
    }
}
