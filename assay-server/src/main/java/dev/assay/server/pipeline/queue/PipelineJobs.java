package dev.assay.server.pipeline.queue;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.pipeline.JobDetail;
import dev.assay.server.pipeline.PipelineView;

/** Reads the jobs of a pipeline one by one: each Python series' run with its own worker, attempts, tasks and log. */
@Service
public class PipelineJobs {

    private final PipelineService pipelines;
    private final PipelineRepository repository;
    private final JobRepository jobs;

    PipelineJobs(PipelineService pipelines, PipelineRepository repository, JobRepository jobs) {
        this.pipelines = pipelines;
        this.repository = repository;
        this.jobs = jobs;
    }

    /**
     * One job of the pipeline, if the caller may read it: {@code jobId}'s, or the latest when empty; the 404 of a
     * missing one for a job of another pipeline.
     */
    public JobDetail job(Optional<Caller> caller, long pipelineId, Optional<Long> jobId) {
        return job(pipelines.readableView(caller, pipelineId), jobId);
    }

    /** One job of a pipeline the caller was allowed to read; the latest when {@code jobId} is empty. */
    public JobDetail job(PipelineView pipeline, Optional<Long> jobId) {
        List<PipelineView.PythonRun> runs = pipeline.matrix();
        if (runs.isEmpty()) {
            throw new NotFoundException("pipeline " + pipeline.id() + " has no job yet");
        }
        PipelineView.PythonRun last = runs.get(runs.size() - 1);
        PipelineView.PythonRun run = jobId.map(id -> runs.stream().filter(one -> one.jobId() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("pipeline " + pipeline.id() + " has no job " + id
                        + "; its jobs are " + runs.stream().map(one -> String.valueOf(one.jobId())).toList())))
                .orElse(last);
        return new JobDetail(run.jobId(), run.python(), run.status(), run == last, jobs.attempts(run.jobId()),
                jobs.worker(run.jobId()).orElse(null), run.tasks(), repository.log(run.jobId()));
    }
}
