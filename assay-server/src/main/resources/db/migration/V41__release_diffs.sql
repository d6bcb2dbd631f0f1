-- A release diff is the discussion of what changed in a release since the previous one: its inline threads sit
-- on lines of the release's files (new side) or of the previous release's (old side). One per release.
INSERT INTO discussion_kinds (name) VALUES ('release-diff');

CREATE TABLE release_diffs (
    discussion_id BIGINT PRIMARY KEY REFERENCES discussions (id) ON DELETE CASCADE,
    release_id    BIGINT NOT NULL UNIQUE REFERENCES releases (id) ON DELETE CASCADE
);
