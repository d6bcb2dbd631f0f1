/** Creating a project before its first upload: {@code POST /api/v1/projects} and the page {@code /projects/new}. */
package dev.assay.server.index.create;
