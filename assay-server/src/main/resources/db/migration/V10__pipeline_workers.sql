-- Which worker holds a job, and so produced its result (see WorkerIdentity): written by each claim, so after a
-- lost lease the worker that sent the result is the one named. A remote worker is known by its token (id, prefix,
-- owner at the time) and the name and host it reported; an in-process worker by its name and the server's host.
ALTER TABLE pipeline_jobs ADD COLUMN worker_kind VARCHAR(10);
ALTER TABLE pipeline_jobs ADD COLUMN worker_name VARCHAR(200);
ALTER TABLE pipeline_jobs ADD COLUMN worker_host VARCHAR(255);
ALTER TABLE pipeline_jobs ADD COLUMN worker_owner VARCHAR(100);
ALTER TABLE pipeline_jobs ADD COLUMN worker_token_id BIGINT;
ALTER TABLE pipeline_jobs ADD COLUMN worker_token_prefix VARCHAR(20);
