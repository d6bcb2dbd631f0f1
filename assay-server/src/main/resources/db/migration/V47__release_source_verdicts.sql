-- A release's source match, stored once its rebuild's result is in, so that a view does not compare the archives
-- with the tree and the rebuild again. source_key names what it was made from: the source (commit, named by whom or
-- which tag), the release's files and the newest pipeline of each. A tag pushed, moved or removed, a commit named or
-- a pipeline re-run changes the key, and the match is made again.
CREATE TABLE release_source_verdicts (
    release_id BIGINT PRIMARY KEY REFERENCES releases (id) ON DELETE CASCADE,
    source_key VARCHAR(4000) NOT NULL,
    verdict    VARCHAR(30)   NOT NULL,
    match_json TEXT          NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
