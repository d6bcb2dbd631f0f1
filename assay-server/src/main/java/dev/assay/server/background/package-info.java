/** Work over the whole index that once ran at start, now done in the background after the server is ready. */
package dev.assay.server.background;
