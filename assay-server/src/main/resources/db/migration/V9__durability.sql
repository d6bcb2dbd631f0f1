-- H2 2.4.240 ties the constant set of a CHECK (x IN (...)) constraint to the session that created it: once
-- the pool retires that connection, every write checked by the constraint fails with "The database has
-- been closed" (fixed upstream after 2.4.240). H2 also turns `x = 'a' OR x = 'b'` into such a set, and
-- re-creates a table's constraints whenever the table is altered, so the allowed values live in a table of
-- their own and a foreign key checks them: an index lookup, no constant set.
ALTER TABLE projects DROP CONSTRAINT projects_visibility_valid;
CREATE TABLE project_visibilities (
    name VARCHAR(10) PRIMARY KEY
);
INSERT INTO project_visibilities (name) VALUES ('public'), ('private');
ALTER TABLE projects ADD CONSTRAINT projects_visibility_valid
    FOREIGN KEY (visibility) REFERENCES project_visibilities (name);

-- One row the health check updates, so that health reports DOWN when writes cannot succeed.
CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);
