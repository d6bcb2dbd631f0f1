-- Vetting by policy: when set, every distribution file newly kept from this upstream runs through the pipeline.
ALTER TABLE upstreams ADD COLUMN vet_new_files BOOLEAN DEFAULT FALSE NOT NULL;
