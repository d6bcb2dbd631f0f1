package dev.assay.server.pipeline.matrix;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.fleet.KnownWorker;
import dev.assay.server.pipeline.fleet.Workers;
import dev.assay.server.pipeline.queue.JobPriority;
import dev.assay.server.pipeline.queue.JobRepository;

/**
 * Which Python series a pipeline tests, one job each: those its project chose, or else every series an online
 * worker offers ({@link Workers#isOnline}); none known, one job for any worker.
 */
@Service
public class PythonMatrix {

    /** Orders series by number: {@code 3.9} before {@code 3.10}. */
    public static final Comparator<String> BY_NUMBER = Comparator.comparing(PythonMatrix::major)
            .thenComparing(PythonMatrix::minor).thenComparing(Comparator.naturalOrder());

    private final ProjectPythonRepository chosen;
    private final Workers workers;
    private final JobRepository jobs;
    private final Clock clock;

    PythonMatrix(ProjectPythonRepository chosen, Workers workers, JobRepository jobs, Clock clock) {
        this.chosen = chosen;
        this.workers = workers;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** The distinct series of the interpreters in {@code offer}, by number. */
    public static List<String> series(WorkerOffer offer) {
        return offer.interpreters().stream().map(python -> PythonProbe.series(python.version())).distinct()
                .sorted(BY_NUMBER).toList();
    }

    /**
     * Queues the pipeline's jobs: one per series its project tests ({@code projectId} null for a mirrored file's,
     * which tests what the online workers offer), or one for any worker when no series is known.
     */
    public void queue(long pipelineId, Long projectId) {
        queue(pipelineId, projectId, JobPriority.NORMAL);
    }

    /** Queues the pipeline's jobs as {@link #queue(long, Long)} does, claimed in the order of {@code priority}. */
    public void queue(long pipelineId, Long projectId, JobPriority priority) {
        Instant now = clock.instant();
        List<String> series = projectId == null ? online() : versionsOf(projectId);
        if (series.isEmpty()) {
            jobs.insert(pipelineId, null, now, priority);
            return;
        }
        series.forEach(python -> jobs.insert(pipelineId, python, now, priority));
    }

    /** The series the project tests: its choice, or every series an online worker offers. */
    public List<String> versionsOf(long projectId) {
        List<String> mine = chosen.of(projectId);
        return mine.isEmpty() ? online() : mine;
    }

    /** The project's own choice; empty when it tests what the online workers offer. */
    public List<String> chosenBy(long projectId) {
        return chosen.of(projectId);
    }

    /** Every series an online worker offers, by number. */
    public List<String> online() {
        return workers.online(clock.instant()).stream().map(KnownWorker::offer).flatMap(offer -> series(offer).stream())
                .distinct().sorted(BY_NUMBER).toList();
    }

    private static int major(String series) {
        return part(series, 0).orElse(0);
    }

    private static int minor(String series) {
        return part(series, 1).orElse(0);
    }

    private static Optional<Integer> part(String series, int index) {
        String[] parts = series.split("\\.");
        try {
            return index < parts.length ? Optional.of(Integer.parseInt(parts[index])) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
