-- One database-wide change serial for the Simple Repository API's cached pages: "serial" moves with every change of
-- any project's page (each project serial bump), "list_serial" with every change of what the anonymous project list
-- shows (a project created, made public or private, held or released). Bumped in the changing transaction, so a
-- server sharing the database sees the new value only once the change is committed; it rechecks the row instead of
-- each page's project.
CREATE TABLE index_changes (
    id          INTEGER NOT NULL PRIMARY KEY,
    serial      BIGINT  NOT NULL,
    list_serial BIGINT  NOT NULL
);
INSERT INTO index_changes (id, serial, list_serial) VALUES (1, 1, 1);
