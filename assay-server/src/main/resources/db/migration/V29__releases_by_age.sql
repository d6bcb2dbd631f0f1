-- The home page and the feed read the newest releases of the index: in this index's order, not by sorting every
-- release (H2 and PostgreSQL both read an ascending index backwards for ORDER BY created_at DESC, id DESC).
CREATE INDEX releases_created ON releases (created_at, id);
