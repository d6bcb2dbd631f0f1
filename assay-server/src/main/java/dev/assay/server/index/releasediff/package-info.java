/**
 * Release diffs: every release compared with the previous one (the highest non-yanked lower version), its summary
 * on the release page, its page with inline threads ({@code /diffs/N}) and its REST resource.
 */
package dev.assay.server.index.releasediff;
