/**
 * Repository maintenance: a background repack with reachability bitmaps and packed refs after pushes, so that
 * clones and fetches are served from one well-formed pack; and the pack cache clones are read through.
 */
package dev.assay.server.git.maintenance;
