/** The administrators' API and page for upstream indexes and name rules. */
package dev.assay.server.upstream.admin;
