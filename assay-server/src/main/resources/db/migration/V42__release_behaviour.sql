-- Behaviour profile of a release: what its traced steps (build, install, import, test) did beyond their measured
-- baselines, one row per item and step, gathered from every job of the release's pipelines.
CREATE TABLE release_behaviour_items (
    release_id BIGINT        NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    kind       VARCHAR(20)   NOT NULL,
    item       VARCHAR(1000) NOT NULL,
    step       VARCHAR(100)  NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT release_behaviour_items_unique UNIQUE (release_id, kind, item, step)
);

-- A release whose profile was taken (a job of it reported its traced steps), and why its new behaviour held it.
CREATE TABLE release_behaviour_profiles (
    release_id  BIGINT PRIMARY KEY REFERENCES releases (id) ON DELETE CASCADE,
    profiled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    hold_reason VARCHAR(2000)
);

-- A project's choice for new behaviour of a kind: hold the release for review, warn, or ignore; the
-- administrator's assay.behaviour.policy applies to the kinds a project did not set.
CREATE TABLE behaviour_policies (
    project_id BIGINT      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind       VARCHAR(20) NOT NULL,
    action     VARCHAR(10) NOT NULL,
    CONSTRAINT behaviour_policies_pk PRIMARY KEY (project_id, kind)
);

-- A package review's timeline names the new behaviour that held a release.
INSERT INTO review_event_actions (name) VALUES ('held');
