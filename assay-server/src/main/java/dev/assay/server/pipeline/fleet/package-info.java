/** The workers a server has seen: who claimed jobs, with which version, interpreters and tasks, and when. */
package dev.assay.server.pipeline.fleet;
