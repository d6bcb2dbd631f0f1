/** The Python-version matrix: the interpreters a worker probes and offers, and the versions a project tests. */
package dev.assay.server.pipeline.matrix;
