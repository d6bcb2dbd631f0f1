package dev.assay.server.upstream;

import java.util.Optional;

/** The upstream side of the index: what upstream lists for a name Assay does not host. */
public interface UpstreamIndex {

    /**
     * The project as the first enabled upstream that knows it lists it, from the page cache while fresh,
     * revalidated once stale, the stale copy when upstream cannot be reached. Empty when the name is hosted here
     * (in any visibility), reserved, not allowed, or unknown upstream; throws
     * {@link dev.assay.server.error.BadGatewayException} when upstream fails and nothing is cached.
     */
    Optional<UpstreamProject> project(String normalizedName);
}
