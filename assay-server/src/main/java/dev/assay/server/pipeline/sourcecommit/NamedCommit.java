package dev.assay.server.pipeline.sourcecommit;

import java.time.Instant;

/**
 * A commit named for a release (V46).
 *
 * @param commit  the 40-hex-digit commit id, lower case
 * @param namedBy {@code upload} (the upload's {@code source_commit} field) or {@code maintainer} (the API)
 * @param user    the user who uploaded or named it
 */
record NamedCommit(String commit, String namedBy, String user, Instant at) {

    static final String UPLOAD = "upload";
    static final String MAINTAINER = "maintainer";
}
