/** Where an inline thread is anchored (iteration, file, line, side) and how its line is followed to later versions. */
package dev.assay.server.review.thread.anchor;
