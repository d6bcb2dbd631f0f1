/**
 * The release gate: a project setting under which each new release is held for review until its own pipelines
 * (and, if asked, its downstream re-tests) show it safe, and then leaves review automatically.
 */
package dev.assay.server.review.releasegate;
