package dev.assay.server.git.browse;

import org.eclipse.jgit.revwalk.RevCommit;

/** What a ref in a URL named: a branch, a tag or a commit id, and the commit it points at. */
record ResolvedRef(String name, Kind kind, RevCommit commit) {

    /** How the name was found. */
    enum Kind { BRANCH, TAG, COMMIT }

    /** The commit's full id. */
    String commitId() {
        return commit.name();
    }
}
