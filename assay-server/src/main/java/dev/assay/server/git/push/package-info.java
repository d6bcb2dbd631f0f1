/** Pushes: who may push which refs, the pack checks and limits, {@code refs/for/} proposals and push events. */
package dev.assay.server.git.push;
