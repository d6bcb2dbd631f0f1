/**
 * The registry of every task a pipeline may run — built-in, from a plugin jar, or a command task from configuration
 * — with the switches an administrator turns on and off, kept in the database so that every server and worker
 * follows them.
 */
package dev.assay.server.pipeline.plugins;
