-- The Python-version matrix. A pipeline runs one job per version series it tests ('3.11', '3.12'); a job with no
-- python goes to any worker (a pipeline queued while no worker offered an interpreter, or one older than this).
ALTER TABLE pipeline_jobs ADD COLUMN python VARCHAR(20);

-- The series a project chose to test; a project without rows tests every series an online worker offers.
CREATE TABLE project_pythons (
    project_id BIGINT      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    python     VARCHAR(20) NOT NULL,
    CONSTRAINT project_pythons_pk PRIMARY KEY (project_id, python)
);

-- A pipeline's state from its jobs: running or queued while one is, then the worst outcome (error, failed,
-- passed); started at its first claim, finished when its last job ended. With one job, that job's state.
CREATE VIEW pipeline_states AS
SELECT pipeline_id,
       CASE WHEN SUM(CASE WHEN status = 'running' THEN 1 ELSE 0 END) > 0 THEN 'running'
            WHEN SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END) > 0 THEN 'queued'
            WHEN SUM(CASE WHEN status = 'error' OR outcome = 'error' THEN 1 ELSE 0 END) > 0 THEN 'error'
            WHEN SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END) > 0 THEN 'failed'
            ELSE 'passed' END AS status,
       MIN(started_at) AS started_at,
       CASE WHEN COUNT(finished_at) = COUNT(*) THEN MAX(finished_at) END AS finished_at
FROM pipeline_jobs GROUP BY pipeline_id;
