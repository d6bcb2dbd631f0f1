package dev.assay.packaging.archive;

/** A wheel or sdist without the metadata file its format requires; the message names the missing path. */
public class MissingMetadataException extends DistributionLayoutException {
    /** Reports that {@code archive} lacks {@code what}. */
    public MissingMetadataException(String archive, String what) {
        super(archive, what + " is missing");
    }
}
