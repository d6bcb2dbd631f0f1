/**
 * Reports: evaluations of a task execution's raw data into {@link dev.assay.tasks.report.Finding findings}
 * with a severity and a summary line, kept apart from the raw data they judge.
 */
package dev.assay.tasks.report;
