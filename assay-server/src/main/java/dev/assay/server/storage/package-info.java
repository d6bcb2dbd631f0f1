/**
 * Where a running server keeps its temporary files (its own scratch folder under {@code DATA/tmp}, cleared
 * of what dead servers left) and how files are made durable before an answer says they are stored.
 */
package dev.assay.server.storage;
