/** Serving distribution files and their PEP 658 metadata files, by name as recorded in the database. */
package dev.assay.server.index.files;
