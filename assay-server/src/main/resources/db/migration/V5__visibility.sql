-- Who may read a project: everyone (public, the default, as before) or only its members and administrators.
ALTER TABLE projects ADD COLUMN visibility VARCHAR(10) DEFAULT 'public' NOT NULL;
ALTER TABLE projects ADD CONSTRAINT projects_visibility_valid CHECK (visibility IN ('public', 'private'));
