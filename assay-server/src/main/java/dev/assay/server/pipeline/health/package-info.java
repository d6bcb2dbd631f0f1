/** What finished pipelines measured (test counts, coverage, durations), kept queryable and drawn as charts. */
package dev.assay.server.pipeline.health;
