/**
 * Reviews: the discussions that package reviews and change requests share (numbered #N), their threads and
 * comments, and the package review that holds a new project until a sponsor or reviewer approves it.
 */
package dev.assay.server.review;
