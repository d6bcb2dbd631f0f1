-- The page cache of upstream indexes: what an upstream answered for a name, kept for assay.upstream.fetch.page-ttl
-- and revalidated with its ETag / Last-Modified. found = FALSE remembers upstream's 404 (pip asks for many names)
-- and holds no files. Only a parsed page or a 404 is ever written: an upstream failure never replaces a row.
CREATE TABLE upstream_pages (
    upstream_id     BIGINT        NOT NULL REFERENCES upstreams (id) ON DELETE CASCADE,
    normalized_name VARCHAR(200)  NOT NULL,
    found           BOOLEAN       NOT NULL,
    etag            VARCHAR(500),
    last_modified   VARCHAR(100),
    fetched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the files the page lists, as JSON (the upstream.fetch package's StoredFile records)
    files           TEXT          NOT NULL,
    PRIMARY KEY (upstream_id, normalized_name)
);
