/**
 * The execution manager: plans tasks by their data dependencies, runs independent ones in parallel
 * with a timeout each, skips those whose inputs were not produced, and reports every execution.
 */
package dev.assay.tasks.execution;
