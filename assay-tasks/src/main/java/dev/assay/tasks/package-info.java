/**
 * The task SPI that built-in tasks and plugins implement: a {@link dev.assay.tasks.Task} declares the
 * {@link dev.assay.tasks.DataKey data} it consumes and produces and runs against a
 * {@link dev.assay.tasks.TaskContext}.
 */
package dev.assay.tasks;
