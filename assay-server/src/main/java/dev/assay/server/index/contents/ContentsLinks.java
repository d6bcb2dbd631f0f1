package dev.assay.server.index.contents;

import dev.assay.server.git.browse.SourceLinks;

/** The addresses of one release's contents pages, every path segment percent-encoded. */
public record ContentsLinks(String project, String version) {

    /** The listing of every file of the release. */
    public String listing() {
        return "/project/" + encode(project) + "/" + encode(version) + "/contents/";
    }

    /** The page of one logical path, e.g. {@code sdist/pkg/core.py}. */
    public String file(String path) {
        return listing() + encode(path);
    }

    /** The page of one line of a logical path ({@code #L12}). */
    public String line(String path, int line) {
        return file(path) + "#L" + line;
    }

    /** The contents diff from release {@code from} to this release. */
    public String compareFrom(String from) {
        return "/project/" + encode(project) + "/compare/" + encode(from) + "..." + encode(version) + "/contents";
    }

    /** The release page. */
    public String release() {
        return "/project/" + encode(project) + "/" + encode(version) + "/";
    }

    private static String encode(String slashSeparated) {
        return SourceLinks.encode(slashSeparated);
    }
}
