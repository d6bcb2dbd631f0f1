package dev.assay.server.review.packagereview.pages;

import java.time.Instant;
import java.util.List;

import dev.assay.server.review.packagereview.ReviewEvent;
import dev.assay.server.review.packagereview.checklist.AutomaticCheck;
import dev.assay.server.review.packagereview.checklist.ChecklistMark;

/**
 * A review as its page and {@code GET /api/v1/reviews/N} show it: the held release (newest iteration first, each
 * with its files and its automatic checks), the manual checklist, the timeline, and the actions the caller may
 * take now.
 *
 * @param release     the newest iteration's release: metadata and the sanitised HTML of its description
 * @param checklist   the manual items with this review's marks (MUST first)
 * @param actions     the keys of the actions the caller may take now (take, approve, needs-work, reject, reopen)
 * @param mayCheck    whether the caller may tick the manual checklist now
 */
public record ReviewDetail(long number, String title, String project, String projectName, String state, String flag,
        String contributor, String reviewer, String reason, boolean sponsorNeeded, Instant createdAt,
        Instant updatedAt, Links links, HeldRelease release, List<IterationView> iterations,
        List<ChecklistMark> checklist, List<ReviewEvent> timeline, List<String> actions, boolean mayCheck) {

    /** Where the project lives on the site: its page, its git repository's pages, its clone URL path. */
    public record Links(String review, String project, String source, String git) {
    }

    /** The release under review, as the newest iteration uploaded it. */
    public record HeldRelease(String version, String summary, String requiresPython, String license, String author,
            String descriptionHtml) {
    }

    /** One iteration with its files and the automatic items of the starting checklist, ticked from its pipelines. */
    public record IterationView(int number, String version, Instant createdAt, List<FileView> files,
            List<AutomaticCheck> checks) {
    }

    /** A file of an iteration, with its download path. */
    public record FileView(String filename, String packageType, long size, String sha256, String url) {
    }
}
