/**
 * Git hosting: a bare repository per project, smart HTTP clone, fetch and push through JGit, who may push which
 * refs, {@code refs/for/<branch>} proposals handed to the review side, protected branches, push events delivered to
 * in-process subscribers, and the REST API to read repositories.
 */
package dev.assay.server.git;
