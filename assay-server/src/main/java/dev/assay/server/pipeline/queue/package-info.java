/** The pipelines and their leased jobs: the queue workers claim from, its SQL, and the pipeline views it serves. */
package dev.assay.server.pipeline.queue;
