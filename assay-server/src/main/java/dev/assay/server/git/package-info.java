/**
 * Git hosting: a bare repository per project, smart HTTP clone, fetch and push through JGit, protected
 * branches, push events delivered to in-process subscribers, and the REST API to read repositories.
 */
package dev.assay.server.git;
