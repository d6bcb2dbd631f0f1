/**
 * Behaviour profiles: what each release's traced steps did (network attempts, programs, writes outside the
 * environment, native libraries), the diff against the previous release's profile, and the per-project policy
 * that holds a release for package review, warns, or ignores a new behaviour.
 */
package dev.assay.server.pipeline.behaviour;
