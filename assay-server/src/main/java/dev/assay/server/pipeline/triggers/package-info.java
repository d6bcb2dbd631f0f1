/** What queues a pipeline besides an upload: pushes to a branch, re-runs, and release tags naming a commit. */
package dev.assay.server.pipeline.triggers;
