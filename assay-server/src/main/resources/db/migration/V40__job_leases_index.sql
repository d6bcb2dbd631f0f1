-- Claims look for abandoned jobs (running, lease run out) by the lease's end, without walking every running job.
CREATE INDEX pipeline_jobs_leases ON pipeline_jobs (status, lease_expires_at);
