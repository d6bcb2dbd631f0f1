/**
 * Where a running server keeps its temporary files (its own scratch folder under {@code DATA/tmp}, cleared
 * of what dead servers left), how files are made durable before an answer says they are stored, and the
 * S3-compatible bucket that keeps distribution files and raw data when {@code assay.storage.kind=s3}.
 */
package dev.assay.server.storage;
