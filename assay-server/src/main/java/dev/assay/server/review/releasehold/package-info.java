/**
 * Release holds: a release held for review (by a new behaviour its project's policy holds, or by the release gate
 * waiting for its checks) is not installable until its hold is released, by a reviewer's approval or automatically.
 */
package dev.assay.server.review.releasehold;
