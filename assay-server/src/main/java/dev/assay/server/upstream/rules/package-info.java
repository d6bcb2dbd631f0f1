/** Which names may come from upstream: hosted names never, reserved names never, allow lists. */
package dev.assay.server.upstream.rules;
