/** The package index: projects, roles, releases, distribution files, their storage and dependencies. */
package dev.assay.server.index;
