-- Pipeline tasks switched on or off by an administrator. A built-in task without a row is enabled; a plugin or
-- command task without a row is available but disabled. Rows are kept for tasks no longer installed, so that a
-- reinstalled plugin comes back as it was left.
CREATE TABLE task_switches (
    name       VARCHAR(100) PRIMARY KEY,
    enabled    BOOLEAN      NOT NULL,
    changed_by VARCHAR(200) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
