/**
 * The test pipeline in the server: what every part shares (settings, a claimed job, task reports and findings,
 * triggers, worker identities, pipeline views); the parts live in {@code queue}, {@code workers}, {@code rawdata},
 * {@code wheelhouse}, {@code triggers} and {@code pages}.
 */
package dev.assay.server.pipeline;
