/**
 * Files of upstream projects: fetched on first request, checked against upstream's hashes while they stream to
 * disk, kept under {@code DATA/upstream} and served from there from then on, upstream reachable or not.
 */
package dev.assay.server.upstream.files;
