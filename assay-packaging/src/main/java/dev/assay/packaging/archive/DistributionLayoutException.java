package dev.assay.packaging.archive;

import dev.assay.packaging.PackagingException;

/** A wheel or sdist whose archive is sound but not laid out as its format requires. */
public class DistributionLayoutException extends PackagingException {
    /** Reports what is wrong with the layout of {@code archive}. */
    public DistributionLayoutException(String archive, String problem) {
        super("Distribution " + Quoted.of(archive) + " is not laid out correctly: " + problem);
    }
}
