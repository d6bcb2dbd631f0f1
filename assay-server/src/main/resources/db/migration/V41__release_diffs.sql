-- A release diff is the discussion of what changed in a release since the previous one: its inline threads sit
-- on lines of the release's files (new side) or of the previous release's (old side). One per release.
INSERT INTO discussion_kinds (name) VALUES ('release-diff');

CREATE TABLE release_diffs (
    discussion_id BIGINT PRIMARY KEY REFERENCES discussions (id) ON DELETE CASCADE,
    release_id    BIGINT NOT NULL UNIQUE REFERENCES releases (id) ON DELETE CASCADE
);

-- Releases uploaded before release diffs get theirs too, opened by the uploader of their first file (a release
-- whose uploaders are all deleted gets none). The title names the release uniquely within its project, which is
-- how the second statement finds each new discussion's release.
INSERT INTO discussions (kind, project_id, title, author_id, created_at)
SELECT 'release-diff', r.project_id, 'Changes in ' || p.normalized_name || ' ' || r.version,
       (SELECT f.uploaded_by FROM distribution_files f WHERE f.release_id = r.id AND f.uploaded_by IS NOT NULL
        ORDER BY f.id LIMIT 1),
       r.created_at
FROM releases r JOIN projects p ON p.id = r.project_id
WHERE EXISTS (SELECT 1 FROM distribution_files f WHERE f.release_id = r.id AND f.uploaded_by IS NOT NULL)
ORDER BY r.id;

INSERT INTO release_diffs (discussion_id, release_id)
SELECT d.id, r.id
FROM releases r JOIN projects p ON p.id = r.project_id
JOIN discussions d ON d.kind = 'release-diff' AND d.project_id = r.project_id
    AND d.title = 'Changes in ' || p.normalized_name || ' ' || r.version;
