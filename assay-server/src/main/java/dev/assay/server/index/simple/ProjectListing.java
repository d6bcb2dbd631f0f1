package dev.assay.server.index.simple;

import java.util.List;

/** Everything a project page shows: the normalised name, every version (PEP 700) and every file. */
record ProjectListing(String name, long lastSerial, List<String> versions, List<ListedFile> files) {
}
