package dev.assay.server.review.thread;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.review.Discussion;

/** Builds what the API and the pages show of threads: placed in one iteration, bodies rendered. */
@Component
class ThreadViews {

    private final ThreadRepository threads;
    private final ThreadGuard guard;
    private final ThreadFiles files;
    private final CommentRenderer renderer;
    private final TrackerPatterns trackers;

    ThreadViews(ThreadRepository threads, ThreadGuard guard, ThreadFiles files, CommentRenderer renderer,
            TrackerPatterns trackers) {
        this.threads = threads;
        this.guard = guard;
        this.files = files;
        this.renderer = renderer;
        this.trackers = trackers;
    }

    Conversation conversation(Optional<Caller> caller, Discussion discussion, int viewed) {
        long viewer = viewerId(caller);
        Map<Long, List<Comment>> comments = threads.comments(discussion.id(), viewer);
        Placements placements = new Placements(files.of(discussion), discussion);
        List<TrackerPattern> patterns = trackers.all();
        List<ThreadView> shown = threads.threads(discussion.id(), viewer).stream()
                .map(thread -> view(caller, discussion, thread, placements.at(thread, viewed),
                        comments.getOrDefault(thread.id(), List.of()), patterns))
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
        return view(caller, discussion, thread, placement, comments, trackers.all());
    }

    private ThreadView view(Optional<Caller> caller, Discussion discussion, CommentThread thread, Placement placement,
            List<Comment> comments, List<TrackerPattern> patterns) {
        ThreadView.AnchorView anchor = thread.anchor().map(where -> new ThreadView.AnchorView(where.iteration(),
                where.path(), where.line(), where.side().key())).orElse(null);
        List<ThreadView.CommentView> shown = comments.stream().map(comment -> new ThreadView.CommentView(comment.id(),
                comment.authorName(), comment.body(), renderer.render(comment.body(), patterns).html(),
                comment.draft(), comment.createdAt())).toList();
        List<String> tags = thread.tags().stream().sorted().map(ThreadTag::key).toList();
        return new ThreadView(thread.id(), discussion.path(), anchor, placement.state().key(), placement.line(),
                placement.outdated(), thread.resolved(), tags, thread.authorName(), thread.createdAt(), shown,
                guard.mayResolve(caller, discussion, thread));
    }

    private static long viewerId(Optional<Caller> caller) {
        return caller.map(present -> present.user().id()).orElse(-1L);
    }
}
