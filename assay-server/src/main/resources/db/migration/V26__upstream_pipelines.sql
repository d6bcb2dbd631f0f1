-- Pipelines of mirrored files: the subject is a file of a name Assay does not host, the kept copy of an upstream's
-- file, so such a pipeline has no project row; it names the upstream project and the upstream it came from instead.
-- Exactly one owner is not enforced, one at least is: a hosted pipeline keeps its project_id as before.
ALTER TABLE pipelines ALTER COLUMN project_id DROP NOT NULL;
ALTER TABLE pipelines ADD COLUMN upstream_project VARCHAR(200);
ALTER TABLE pipelines ADD COLUMN upstream_url VARCHAR(1000);
ALTER TABLE pipelines ADD CONSTRAINT pipelines_owner CHECK (project_id IS NOT NULL OR upstream_project IS NOT NULL);

CREATE INDEX pipelines_upstream ON pipelines (upstream_project, id);
