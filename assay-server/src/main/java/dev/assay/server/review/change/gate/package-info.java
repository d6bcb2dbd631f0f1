/**
 * The merge gate of change requests: what a target branch requires before a change request merges into it
 * (approvals, no needs-work vote, resolved threads, a green pipeline, no conflicts) and how it may merge; the
 * evaluation of an open request against it, and the merge itself, made by JGit on the server.
 */
package dev.assay.server.review.change.gate;
