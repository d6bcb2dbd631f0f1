/**
 * The diffs the source browser, change requests and release contents show: two trees or two texts read into files
 * of numbered lines (unified and side by side), bounded in files, lines and blob size.
 */
package dev.assay.server.git.browse.diff;
