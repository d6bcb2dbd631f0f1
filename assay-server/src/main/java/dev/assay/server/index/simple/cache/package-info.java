/**
 * Index pages kept as bytes: each with its gzip and brotli forms and a strong ETag per form, the choice among them
 * from {@code Accept-Encoding}, a byte budget, and the database-wide change serial rechecked to know they still hold.
 */
package dev.assay.server.index.simple.cache;
