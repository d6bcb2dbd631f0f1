package dev.assay.server.review.packagereview.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses the release-contents fragments link to when a package review shows an iteration's files: each file
 * opens in the review's conversation, where its line numbers take comments.
 */
public record ReviewContentsLinks(long review, int iteration, String project, String version) {

    /** The listing of every file of the iteration. */
    public String listing() {
        return "/reviews/" + review + "/iterations/" + iteration + "/contents";
    }

    /** The review, where the crumbs lead back to. */
    public String release() {
        return "/reviews/" + review + "#iteration-" + iteration;
    }

    /** One logical path of the iteration, with its threads and line numbers to comment on. */
    public String file(String path) {
        return "/reviews/" + review + "/conversation/file?iteration=" + iteration + "&path="
                + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
