/** Downstream re-tests: a new release's dependents tested again with it staged, and what that newly breaks. */
package dev.assay.server.pipeline.downstream;
