-- What each finished job measured, in columns so that the project's health charts are plain queries: the test
-- counts of the task that recorded `tests`, the coverage total, and the job's duration. A count or the coverage
-- is null when no task measured it (a job without tests still has its duration).
CREATE TABLE pipeline_measurements (
    job_id        BIGINT PRIMARY KEY REFERENCES pipeline_jobs (id) ON DELETE CASCADE,
    tests_passed  INT,
    tests_failed  INT,
    tests_skipped INT,
    tests_errors  INT,
    coverage      DOUBLE PRECISION,
    duration_ms   BIGINT NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
