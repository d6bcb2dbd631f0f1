/**
 * The test pipeline in the server: pipelines and their leased jobs, triggers (uploads, pushes to a branch,
 * re-runs), the in-process worker pool, a commit's tree and the wheelhouse staged from this index, the choice of
 * sandboxed tasks, results with their kept raw-data files, the pipeline page (live while it runs) and the
 * downloads.
 */
package dev.assay.server.pipeline;
