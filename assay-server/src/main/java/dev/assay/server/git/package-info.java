/**
 * Git hosting: a bare repository per project, smart HTTP clone, fetch and push through JGit, the REST API to read
 * repositories, and commits and ref updates made by the server; pushes and branch protection in sub-packages.
 */
package dev.assay.server.git;
