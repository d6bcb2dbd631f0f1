-- The id of the HTTP request (an upload, a push) that created a pipeline, so that the worker's log lines about its
-- jobs can be found with the request's; a push's pipelines are created later, from its recorded event.
ALTER TABLE git_push_events ADD COLUMN request_id VARCHAR(64);
ALTER TABLE pipelines ADD COLUMN request_id VARCHAR(64);
