-- H2 2.4.240 ties the constant set of a CHECK (x IN (...)) constraint to the session that created it: once
-- the pool retires that connection, every write checked by the constraint fails with "The database has
-- been closed" (fixed upstream after 2.4.240). The same rule written with OR holds no such set.
ALTER TABLE projects DROP CONSTRAINT projects_visibility_valid;
ALTER TABLE projects ADD CONSTRAINT projects_visibility_valid CHECK (visibility = 'public' OR visibility = 'private');

-- One row the health check updates, so that health reports DOWN when writes cannot succeed.
CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);
