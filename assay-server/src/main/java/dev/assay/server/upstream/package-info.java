/**
 * Upstream indexes: names Assay does not host are answered from them (pages cached and revalidated, files
 * fetched once, hash-checked and kept), never mixing with a hosted name; names can be reserved, and new upstream
 * releases quarantined.
 */
package dev.assay.server.upstream;
