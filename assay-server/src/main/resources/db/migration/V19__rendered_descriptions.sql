-- A release's reStructuredText description as the sandboxed description task rendered it with readme_renderer,
-- sanitised by the server before it was kept. description_sha256 names the text it was rendered from, so a
-- rendering of another file's description is never shown for this release. html is null when docutils refused the
-- text (problem says why): the page shows the text, as PyPI does.
CREATE TABLE rendered_descriptions (
    release_id         BIGINT        NOT NULL PRIMARY KEY REFERENCES releases (id) ON DELETE CASCADE,
    description_sha256 VARCHAR(64)   NOT NULL,
    html               VARCHAR,
    problem            VARCHAR(2000),
    pipeline_id        BIGINT,
    rendered_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
