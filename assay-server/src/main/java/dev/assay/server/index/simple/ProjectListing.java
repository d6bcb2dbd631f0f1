package dev.assay.server.index.simple;

import java.util.List;

/** Everything a project page shows: the normalised name, every version (PEP 700) and every file. */
record ProjectListing(String name, Revision revision, List<String> versions, List<ListedFile> files) {
}
