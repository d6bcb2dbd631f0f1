-- Each project's name as PyPI compares new names against typosquatting: lower case, '-' '_' '.' removed,
-- 'l' and 'i' folded to '1', 'o' to '0' (ProjectName.ultranormalized). Not unique: names created before this
-- rule may already collide; new ones are refused when they would.
ALTER TABLE projects ADD COLUMN ultranormalized_name VARCHAR(200);
UPDATE projects SET ultranormalized_name =
    REPLACE(REPLACE(REPLACE(REPLACE(normalized_name, '-', ''), 'l', '1'), 'i', '1'), 'o', '0');
ALTER TABLE projects ALTER COLUMN ultranormalized_name SET NOT NULL;
CREATE INDEX projects_ultranormalized_name ON projects (ultranormalized_name);

-- One row that every creation of a project locks first (SELECT … FOR UPDATE), so that concurrent first uploads
-- of one new name, or of look-alike names, are created one after the other: H2 refuses an insert that conflicts
-- with another transaction's uncommitted row instead of waiting for it, but it waits for a row lock.
CREATE TABLE project_creation_lock (
    id INT PRIMARY KEY
);
INSERT INTO project_creation_lock (id) VALUES (1);
