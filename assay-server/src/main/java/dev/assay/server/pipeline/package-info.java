/** The test pipeline in the server: pipelines and their leased jobs, triggers, the in-process worker pool, results. */
package dev.assay.server.pipeline;
