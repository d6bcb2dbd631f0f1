/** A project's settings: its visibility (public or private), changed by owners and administrators. */
package dev.assay.server.index.settings;
