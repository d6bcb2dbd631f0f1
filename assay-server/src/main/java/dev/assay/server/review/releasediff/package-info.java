/** The review side of release diffs: who may comment on them and which files their inline threads sit on. */
package dev.assay.server.review.releasediff;
