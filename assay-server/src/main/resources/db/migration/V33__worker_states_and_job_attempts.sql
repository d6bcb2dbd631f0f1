-- An administrator's say over a worker: active; draining (no new claims, running jobs finish); cancelled (no new
-- claims, its running jobs' leases revoked so that they go back to the queue). Who changed it last, and when.
ALTER TABLE workers ADD COLUMN state VARCHAR(20) DEFAULT 'active' NOT NULL;
ALTER TABLE workers ADD COLUMN state_changed_by VARCHAR(100);
ALTER TABLE workers ADD COLUMN state_changed_at TIMESTAMP WITH TIME ZONE;

-- Every claim of a job: which worker, when, and how the attempt ended (running until then; finished, lease
-- expired or cancelled). A job's attempts are numbered as pipeline_jobs.attempts counts them.
CREATE TABLE job_attempts (
    job_id     BIGINT        NOT NULL REFERENCES pipeline_jobs (id) ON DELETE CASCADE,
    attempt    INT           NOT NULL,
    holder     VARCHAR(300)  NOT NULL,
    worker     VARCHAR(1000) NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE,
    ended      VARCHAR(20)   NOT NULL,
    CONSTRAINT job_attempts_key PRIMARY KEY (job_id, attempt)
);

CREATE INDEX job_attempts_running ON job_attempts (holder, ended);
