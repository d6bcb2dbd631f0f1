/**
 * The workers: in-process and {@code assay worker}, the runner and job sources they share, the worker API, the
 * choice of tasks and the sandbox check.
 */
package dev.assay.server.pipeline.workers;
