package dev.assay.server.review.thread;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.thread.anchor.Anchor;
import dev.assay.server.review.thread.anchor.Side;
import dev.assay.server.review.thread.comment.Comment;
import dev.assay.server.review.thread.comment.CommentRenderer;
import dev.assay.server.review.thread.comment.Suggestion;
import dev.assay.server.review.thread.comment.SuggestionDiff;
import dev.assay.server.review.thread.tracker.TrackerPattern;
import dev.assay.server.review.thread.tracker.TrackerPatterns;

/** Builds what the API and the pages show of threads: placed in one iteration, bodies rendered. */
@Component
class ThreadViews {

    private final ThreadRepository threads;
    private final ThreadGuard guard;
    private final ThreadFiles files;
    private final CommentRenderer renderer;
    private final TrackerPatterns trackers;
    private final List<SuggestionTargets> suggestionTargets;

    ThreadViews(ThreadRepository threads, ThreadGuard guard, ThreadFiles files, CommentRenderer renderer,
            TrackerPatterns trackers, List<SuggestionTargets> suggestionTargets) {
        this.threads = threads;
        this.guard = guard;
        this.files = files;
        this.renderer = renderer;
        this.trackers = trackers;
        this.suggestionTargets = List.copyOf(suggestionTargets);
    }

    Conversation conversation(Optional<Caller> caller, Discussion discussion, int viewed) {
        long viewer = viewerId(caller);
        Map<Long, List<Comment>> comments = threads.comments(discussion.id(), viewer);
        Placements placements = new Placements(files.of(discussion), discussion);
        List<TrackerPattern> patterns = trackers.all();
        boolean newest = isNewest(discussion, viewed);
        List<ThreadView> shown = threads.threads(discussion.id(), viewer).stream()
                .map(thread -> view(caller, discussion, thread, placements.at(thread, viewed),
                        comments.getOrDefault(thread.id(), List.of()), patterns, newest))
                .filter(view -> !Placement.State.LATER.key().equals(view.placement()))
                .toList();
        int drafts = caller.map(present -> threads.drafts(discussion.id(), present.user().id()).size()).orElse(0);
        boolean mayComment = caller.isPresent() && guard.mayComment(caller.get(), discussion);
        return new Conversation(discussion, viewed, files.iterations(discussion), shown, drafts,
                threads.unresolvedCount(discussion.id()), mayComment);
    }

    ThreadView thread(Optional<Caller> caller, Discussion discussion, CommentThread thread, int viewed) {
        Placement placement = new Placements(files.of(discussion), discussion).at(thread, viewed);
        List<Comment> comments = threads.comments(discussion.id(), viewerId(caller)).getOrDefault(thread.id(),
                List.of());
        return view(caller, discussion, thread, placement, comments, trackers.all(), isNewest(discussion, viewed));
    }

    private ThreadView view(Optional<Caller> caller, Discussion discussion, CommentThread thread, Placement placement,
            List<Comment> comments, List<TrackerPattern> patterns, boolean newest) {
        ThreadView.AnchorView anchor = thread.anchor().map(where -> new ThreadView.AnchorView(where.iteration(),
                where.path(), where.line(), where.side().key())).orElse(null);
        List<ThreadView.CommentView> shown = comments.stream()
                .map(comment -> comment(discussion, thread, comment, patterns)).toList();
        List<String> tags = thread.tags().stream().sorted().map(ThreadTag::key).toList();
        // a suggestion applies to the newest iteration, while its line is there unchanged and the thread open
        boolean applicable = newest && placement.line() != null && !thread.resolved()
                && shown.stream().anyMatch(comment -> comment.suggestion() && !comment.draft());
        String apply = !applicable ? null : suggestionTargets.stream()
                .filter(target -> target.kind() == discussion.kind()).findFirst()
                .flatMap(target -> target.applyPath(caller, discussion, thread)).orElse(null);
        return new ThreadView(thread.id(), discussion.path(), anchor, placement.state().key(), placement.line(),
                placement.outdated(), thread.resolved(), tags, thread.authorName(), thread.createdAt(), shown,
                guard.mayResolve(caller, discussion, thread), apply);
    }

    // A suggestion is shown as a diff of the line it is on, which only a thread on the new side has.
    private ThreadView.CommentView comment(Discussion discussion, CommentThread thread, Comment comment,
            List<TrackerPattern> patterns) {
        String html = renderer.render(comment.body(), patterns).html();
        Optional<Suggestion> suggestion = thread.anchor().filter(where -> where.side() == Side.NEW)
                .flatMap(where -> Suggestion.in(comment.body()));
        Optional<String> line = suggestion.flatMap(present -> anchoredLine(discussion, thread.anchor().get()));
        if (line.isPresent()) {
            html = SuggestionDiff.render(html, suggestion.get(), line.get());
        }
        return new ThreadView.CommentView(comment.id(), comment.authorName(), comment.body(), html, comment.draft(),
                comment.createdAt(), line.isPresent());
    }

    private Optional<String> anchoredLine(Discussion discussion, Anchor anchor) {
        return files.of(discussion).flatMap(source -> source.lines(discussion, anchor.iteration(), anchor.path()))
                .filter(lines -> anchor.line() >= 1 && anchor.line() <= lines.size())
                .map(lines -> lines.get(anchor.line() - 1));
    }

    private boolean isNewest(Discussion discussion, int viewed) {
        List<Integer> iterations = files.iterations(discussion);
        return !iterations.isEmpty() && iterations.get(iterations.size() - 1) == viewed;
    }

    private static long viewerId(Optional<Caller> caller) {
        return caller.map(present -> present.user().id()).orElse(-1L);
    }
}
