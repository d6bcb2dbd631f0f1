package dev.assay.server.pipeline.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import dev.assay.server.background.BackgroundPasses;
import dev.assay.server.pipeline.TaskReport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures, once in the background after the server started, the jobs that finished before measurements were kept, from their stored task
 * results, so that the health charts also show the pipelines run before; jobs finishing later are measured
 * when their result is recorded.
 */
@Component
public class MeasurementBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(MeasurementBackfill.class);
    private static final int BATCH = 200;
    private static final TypeReference<Map<String, Object>> RAW_DATA = new TypeReference<>() { };

    private final MeasurementRepository measurements;
    private final JsonMapper json;
    private final BackgroundPasses passes;

    MeasurementBackfill(MeasurementRepository measurements, JsonMapper json, BackgroundPasses passes) {
        this.measurements = measurements;
        this.json = json;
        this.passes = passes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        passes.submit("measuring the pipeline jobs finished before measurements were kept", this::pass);
    }

    private void pass() {
        try {
            int measured = backfill();
            if (measured > 0) {
                LOG.info("measured {} pipeline job(s) that finished before measurements were kept", measured);
            }
        } catch (DataAccessException failure) {
            // the charts then lack those old jobs; the next start tries again
            LOG.warn("could not measure the pipeline jobs finished before measurements were kept: {}",
                    failure.toString());
        }
    }

    /** Measures every finished job that has no measurements yet; returns how many it measured. */
    public int backfill() {
        int measured = 0;
        long after = 0;
        List<MeasurementRepository.Unmeasured> batch;
        while (!passes.stopping() && !(batch = measurements.unmeasured(after, BATCH)).isEmpty()) {
            for (MeasurementRepository.Unmeasured job : batch) {
                long durationMs = job.startedAt() == null ? 0
                        : Duration.between(job.startedAt(), job.finishedAt()).toMillis();
                measurements.insert(job.jobId(), Measurement.of(tasks(job.jobId()), durationMs, job.finishedAt()));
                measured++;
            }
            after = batch.get(batch.size() - 1).jobId();
        }
        return measured;
    }

    /** The job's task results as far as measuring reads them: their raw data; an unreadable one counts nothing. */
    private List<TaskReport> tasks(long jobId) {
        List<TaskReport> tasks = new ArrayList<>();
        for (String rawData : measurements.rawDataOf(jobId)) {
            try {
                tasks.add(new TaskReport("", "", null, null, 0, "", List.of(), json.readValue(rawData, RAW_DATA)));
            } catch (JacksonException unreadable) {
                LOG.warn("job {}: a task's raw data is not JSON, so it is not measured: {}", jobId,
                        unreadable.getOriginalMessage());
            }
        }
        return tasks;
    }
}
