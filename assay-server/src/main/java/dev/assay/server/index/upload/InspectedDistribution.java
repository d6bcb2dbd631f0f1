package dev.assay.server.index.upload;

import dev.assay.packaging.filename.DistributionFileName;
import dev.assay.packaging.metadata.CoreMetadata;

/** What the index learned from inside an uploaded file: its parsed name and its checked core metadata. */
record InspectedDistribution(DistributionFileName fileName, CoreMetadata metadata, byte[] metadataFile) {
}
