-- The project's repository as an iteration is reviewed: the tag naming its version (or the default branch) and the
-- commit it pointed at when the iteration was uploaded, so that comments on its lines stay where they were written
-- however the branch moves on.
ALTER TABLE package_review_iterations ADD COLUMN repository_ref VARCHAR(255);
ALTER TABLE package_review_iterations ADD COLUMN repository_commit VARCHAR(64);
