package dev.assay.server.pipeline;

import java.time.Instant;

/**
 * A job a worker holds: what to test, and the lease it must present with every heartbeat, log and result. The
 * subject is a file ({@code version}, {@code filename}, {@code fileUrl}) or a commit of the project's repository
 * ({@code gitCommit}, {@code gitRef}); the other fields are null — except that a release's sdist, and a wheel whose
 * release has no sdist, carry the commit its version is tagged at (and the tag as {@code gitRef}): the tree the
 * {@code rebuild} task builds, and where such a wheel's tests come from.
 *
 * @param lease   the secret of this claim; a later claim of the same job gets another one
 * @param attempt which claim of the job this is, from 1
 * @param fileUrl where the file downloads, relative to the server
 * @param sha256  the file's SHA-256, hex; a worker checks what it downloaded against it
 * @param sdist   for a wheel, its release's sdist (whose tests run), or null
 * @param sdistSha256 that sdist's SHA-256
 * @param gitRef  the ref a push updated to {@code gitCommit} (or the release's tag); null for a manual run of a
 *                commit
 * @param requestId the id of the HTTP request (upload, push) that created the pipeline, for the worker's log lines;
 *                null when there was none (a re-run by the server, a pipeline older than request ids)
 * @param upstream for the kept copy of a mirrored file, the upstream it came from ({@code project} is then a name
 *                this index does not host, {@code version} null); null for a hosted project's file or commit
 * @param python  the Python series the job runs on ({@code 3.12}), one of those the worker offered; null: any
 */
public record ClaimedJob(long jobId, long pipelineId, int attempt, String lease, Instant leaseExpiresAt,
        String project, String version, String filename, String fileUrl, String sha256, String sdist,
        String sdistSha256, String gitCommit, String gitRef, String requestId, String upstream, String python) {

    /** A job for any Python. */
    public ClaimedJob(long jobId, long pipelineId, int attempt, String lease, Instant leaseExpiresAt, String project,
            String version, String filename, String fileUrl, String sha256, String sdist, String sdistSha256,
            String gitCommit, String gitRef, String requestId, String upstream) {
        this(jobId, pipelineId, attempt, lease, leaseExpiresAt, project, version, filename, fileUrl, sha256, sdist,
                sdistSha256, gitCommit, gitRef, requestId, upstream, null);
    }

    /** Whether the job tests a commit rather than a distribution file. */
    public boolean testsCommit() {
        return filename == null;
    }
}
