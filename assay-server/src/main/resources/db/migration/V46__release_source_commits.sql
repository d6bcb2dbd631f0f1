-- The commit a release was built from, named by its upload (form field source_commit) or by a maintainer
-- afterwards; it wins over the commit the version's tag names. named_by: 'upload' or 'maintainer'.
CREATE TABLE release_source_commits (
    release_id    BIGINT PRIMARY KEY REFERENCES releases (id) ON DELETE CASCADE,
    commit_id     VARCHAR(40)  NOT NULL,
    named_by      VARCHAR(20)  NOT NULL,
    named_by_user VARCHAR(200) NOT NULL,
    named_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
