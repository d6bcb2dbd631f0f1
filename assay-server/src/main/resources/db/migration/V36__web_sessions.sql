-- People's web sessions (signed in, their CSRF token, a refused login's name) kept in the database rather than in
-- one server's memory, so that any server behind a load balancer answers any request of a session (Spring Session
-- JDBC's schema, named web_sessions). Times are milliseconds since the epoch; attributes are serialized Java objects.
CREATE TABLE web_sessions (
    primary_id            CHAR(36)     NOT NULL PRIMARY KEY,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100)
);
CREATE UNIQUE INDEX web_sessions_id ON web_sessions (session_id);
CREATE INDEX web_sessions_expiry ON web_sessions (expiry_time);
CREATE INDEX web_sessions_principal ON web_sessions (principal_name);

CREATE TABLE web_sessions_attributes (
    session_primary_id CHAR(36)     NOT NULL REFERENCES web_sessions (primary_id) ON DELETE CASCADE,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
