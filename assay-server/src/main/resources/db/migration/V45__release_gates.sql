-- A project's release gate: 'checks' holds each new release until its own pipelines pass, 'checks-and-dependents'
-- also until its downstream re-tests show no dependent newly failing; 'off' (or no row: the administrator's
-- assay.review.release-gate) leaves new releases public at once.
CREATE TABLE release_gates (
    project_id BIGINT      PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    mode       VARCHAR(30) NOT NULL
);
