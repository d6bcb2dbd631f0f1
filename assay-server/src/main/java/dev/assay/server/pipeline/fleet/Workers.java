package dev.assay.server.pipeline.fleet;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The workers a server has seen, recorded at every claim: the one place that knows who is out there. */
@Service
public class Workers {

    private static final int MAX_VERSION = 100;
    private static final int MAX_INTERPRETERS = 50;
    private static final int MAX_TASKS = 500;
    private static final int MAX_TAGS = 2000;
    private static final int MAX_TEXT = 300;

    private final WorkerRepository repository;

    Workers(WorkerRepository repository) {
        this.repository = repository;
    }

    /** Records a claim by {@code worker}, offering {@code offer}, at {@code now}. */
    public void seen(WorkerIdentity worker, WorkerOffer offer, Instant now) {
        check(offer);
        requireSameVersion(offer.version());
        repository.seen(worker, offer, now);
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

    /** Whether the queue may give {@code worker} new jobs: not once an administrator drained or cancelled it. */
    public boolean mayClaim(WorkerIdentity worker) {
        return repository.state(worker.holder()).map(KnownWorker.ACTIVE::equals).orElse(true);
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
