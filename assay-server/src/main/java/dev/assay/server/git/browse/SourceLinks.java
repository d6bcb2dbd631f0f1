package dev.assay.server.git.browse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriUtils;

/** The addresses of one project's source pages, every ref and path segment percent-encoded. */
public record SourceLinks(String project) {

    /** One step of a breadcrumb trail: a directory's name and its tree page. */
    public record Crumb(String name, String href) {
    }

    public String overview() {
        return base();
    }

    public String tree(String ref, String path) {
        return base() + "/tree/" + encode(ref) + suffix(path);
    }

    public String blob(String ref, String path) {
        return base() + "/blob/" + encode(ref) + suffix(path);
    }

    public String raw(String ref, String path) {
        return base() + "/raw/" + encode(ref) + suffix(path);
    }

    /** The form editing a file of a branch in the browser. */
    public String edit(String branch, String path) {
        return base() + "/edit/" + encode(branch) + suffix(path);
    }

    /** The form adding a file to a directory of a branch. */
    public String newFile(String branch, String directory) {
        return base() + "/new/" + encode(branch) + suffix(directory);
    }

    /** The form deleting a file of a branch. */
    public String delete(String branch, String path) {
        return base() + "/delete/" + encode(branch) + suffix(path);
    }

    public String commits(String ref) {
        return base() + "/commits/" + encode(ref);
    }

    public String commits(String ref, int page) {
        return commits(ref) + "?page=" + page;
    }

    public String commit(String id) {
        return base() + "/commit/" + id;
    }

    public String compare(String from, String to) {
        return base() + "/compare/" + encode(from) + "..." + encode(to);
    }

    /** The trail from the root to a path: the root first (named by the ref), then every directory. */
    public List<Crumb> crumbs(String ref, String path) {
        List<Crumb> trail = new ArrayList<>();
        trail.add(new Crumb(ref, tree(ref, "")));
        StringBuilder prefix = new StringBuilder();
        for (String segment : path.isEmpty() ? new String[0] : path.split("/")) {
            prefix.append(prefix.length() == 0 ? "" : "/").append(segment);
            trail.add(new Crumb(segment, tree(ref, prefix.toString())));
        }
        return trail;
    }

    private String base() {
        return "/project/" + project + "/source";
    }

    private static String suffix(String path) {
        return path.isEmpty() ? "" : "/" + encode(path);
    }

    /** Encodes each segment but keeps the slashes between them: branch names and paths contain slashes. */
    public static String encode(String slashSeparated) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : slashSeparated.split("/", -1)) {
            encoded.append(encoded.length() == 0 ? "" : "/")
                    .append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }
}
