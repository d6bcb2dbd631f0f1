/**
 * Push mirrors (PEP 474): remote repositories that receive every branch and tag of a project after each
 * accepted push, configured by owners through the REST API and a page, with the last result of each.
 */
package dev.assay.server.git.mirror;
