package dev.assay.server.index.contents;

import java.util.List;

import dev.assay.server.index.DistributionFile;

/**
 * One entry of a release read for showing: its lines when it is text (numbered from 1, as in {@code #L1}),
 * otherwise none, and the entry says why (binary, undecodable, too large, a link or a folder).
 *
 * @param file  the distribution file holding it
 * @param entry the entry, with its logical path, kind, size and SHA-256
 * @param lines the text's lines without line ends; empty unless the entry is {@link ContentKind#TEXT}
 */
public record FileText(DistributionFile file, ContentEntry entry, List<String> lines) {

    /** The logical path. */
    public String path() {
        return entry.path();
    }

    /** Whether the lines are shown. */
    public boolean isText() {
        return entry.kind() == ContentKind.TEXT;
    }
}
