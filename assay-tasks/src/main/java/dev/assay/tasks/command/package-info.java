/**
 * Command tasks: tasks declared in configuration as a command line, run through a
 * {@link dev.assay.tasks.command.CommandRunner} (the sandbox in production).
 */
package dev.assay.tasks.command;
