package dev.assay.server.index.manage;

import java.util.List;

import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.Release;

/** A release with its files, as the management page lists it. */
record ManagedRelease(Release release, List<DistributionFile> files) {
}
