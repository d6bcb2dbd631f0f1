/** The index's web pages and read-only REST views: home page listing, search, project and release pages, dependencies. */
package dev.assay.server.index.pages;
