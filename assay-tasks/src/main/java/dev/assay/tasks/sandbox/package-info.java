/**
 * The sandbox untrusted package code runs in: the {@link dev.assay.tasks.sandbox.Sandbox} seam,
 * its bubblewrap implementation with cgroup v1 limits and rlimits, the probe that decides
 * whether a worker may run jobs at all, and the strace wrapper and parser that turn a traced run
 * into events.
 */
package dev.assay.tasks.sandbox;
