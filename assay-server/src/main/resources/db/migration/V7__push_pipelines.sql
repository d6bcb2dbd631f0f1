-- Pipelines of pushed commits: the ref the push updated, and the push event that queued the pipeline, unique
-- so that a push event delivered again (delivery is at least once) never queues a second pipeline.
ALTER TABLE pipelines ADD COLUMN git_ref VARCHAR(255);
ALTER TABLE pipelines ADD COLUMN push_event_id BIGINT;
ALTER TABLE pipelines ADD CONSTRAINT pipelines_push_event_fk FOREIGN KEY (push_event_id)
    REFERENCES git_push_events (id) ON DELETE SET NULL;
ALTER TABLE pipelines ADD CONSTRAINT pipelines_push_event UNIQUE (push_event_id);

CREATE INDEX pipelines_commit ON pipelines (project_id, git_commit, id);
CREATE INDEX pipelines_ref ON pipelines (project_id, git_ref, id);
