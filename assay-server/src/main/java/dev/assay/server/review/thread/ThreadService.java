package dev.assay.server.review.thread;

import java.time.Clock;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.notify.Notice;
import dev.assay.server.notify.NoticeKind;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.thread.anchor.Anchor;
import dev.assay.server.review.thread.comment.Comment;
import dev.assay.server.review.thread.comment.CommentRenderer;
import dev.assay.server.review.thread.tracker.TrackerPattern;

/**
 * The rules for threads: start one (general or inline), reply, resolve, reopen, tag, and publish the caller's
 * drafts as one round; every published comment is announced with a {@link Notice}.
 */
@Service
public class ThreadService {

    static final int MAX_BODY_LENGTH = 20_000;
    private static final int EXCERPT_LENGTH = 200;

    private final ThreadRepository threads;
    private final ThreadGuard guard;
    private final ThreadFiles files;
    private final ThreadViews views;
    private final CommentRenderer renderer;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public ThreadService(ThreadRepository threads, ThreadGuard guard, ThreadFiles files, ThreadViews views,
            CommentRenderer renderer, Clock clock, ApplicationEventPublisher events) {
        this.threads = threads;
        this.guard = guard;
        this.files = files;
        this.views = views;
        this.renderer = renderer;
        this.clock = clock;
        this.events = events;
    }

    /**
     * What a new thread says and where: {@code anchor} null for a general comment; an anchor's iteration 0
     * means the newest.
     */
    public record NewThread(String body, Anchor anchor, boolean draft, Set<ThreadTag> tags) {
    }

    /** The discussion's threads placed in iteration {@code iteration} (default: the newest). */
    @Transactional(readOnly = true)
    public Conversation conversation(Optional<Caller> caller, long number, Optional<Integer> iteration) {
        Discussion discussion = guard.readable(caller, number);
        return views.conversation(caller, discussion, files.viewed(discussion, iteration));
    }

    /** The lines of a file of the iteration viewed, with the conversation placed in it, for the plain file view. */
    @Transactional(readOnly = true)
    public FileThreads file(Optional<Caller> caller, long number, Optional<Integer> iteration, String path) {
        Discussion discussion = guard.readable(caller, number);
        int viewed = files.viewed(discussion, iteration);
        List<String> lines = files.of(discussion).flatMap(source -> source.lines(discussion, viewed, path))
                .orElseThrow(() -> new NotFoundException("There is no text file '" + path + "' in iteration " + viewed
                        + " of #" + number));
        return new FileThreads(views.conversation(caller, discussion, viewed), path, lines);
    }

    /** One thread as seen in iteration {@code iteration} (default: the newest). */
    @Transactional(readOnly = true)
    public ThreadView thread(Optional<Caller> caller, long number, long threadId, Optional<Integer> iteration) {
        Discussion discussion = guard.readable(caller, number);
        return views.thread(caller, discussion, visible(caller, discussion, threadId),
                files.viewed(discussion, iteration));
    }

    /** Starts a thread with its first comment. */
    @Transactional
    public ThreadView start(Caller caller, long number, NewThread request) {
        Discussion discussion = guard.commentable(caller, number);
        String body = checkBody(request.body());
        Optional<Anchor> anchor = Optional.ofNullable(request.anchor()).map(where -> where.iteration() != 0 ? where
                : new Anchor(files.viewed(discussion, Optional.empty()), where.path(), where.line(), where.side()));
        anchor.ifPresent(where -> files.check(discussion, where));
        long threadId = threads.insertThread(discussion.id(), anchor, caller.user().id(), clock.instant());
        long commentId = threads.insertComment(threadId, caller.user().id(), body, request.draft(), clock.instant());
        if (request.tags() != null && !request.tags().isEmpty()) {
            threads.setTags(threadId, request.tags());
        }
        if (!request.draft()) {
            announce(caller, discussion, threadId, commentId, List.of(body));
        }
        return threadAsWritten(caller, discussion, threadId);
    }

    /** Adds a reply (or a draft of one) to a thread. */
    @Transactional
    public ThreadView reply(Caller caller, long number, long threadId, String text, boolean draft) {
        Discussion discussion = guard.commentable(caller, number);
        String body = checkBody(text);
        visible(Optional.of(caller), discussion, threadId);
        long commentId = threads.insertComment(threadId, caller.user().id(), body, draft, clock.instant());
        if (!draft) {
            announce(caller, discussion, threadId, commentId, List.of(body));
        }
        return threadAsWritten(caller, discussion, threadId);
    }

    /** Resolves ({@code true}) or reopens a thread, everywhere it shows. */
    @Transactional
    public ThreadView setResolved(Caller caller, long number, long threadId, boolean resolved) {
        Discussion discussion = guard.commentable(caller, number);
        CommentThread thread = visible(Optional.of(caller), discussion, threadId);
        guard.checkMayResolve(caller, discussion, thread);
        threads.setResolved(threadId, resolved);
        return threadAsWritten(caller, discussion, threadId);
    }

    /** Replaces a thread's tags; the same people as may resolve it may. */
    @Transactional
    public ThreadView setTags(Caller caller, long number, long threadId, List<String> tags) {
        Discussion discussion = guard.commentable(caller, number);
        CommentThread thread = visible(Optional.of(caller), discussion, threadId);
        guard.checkMayResolve(caller, discussion, thread);
        threads.setTags(threadId, parseTags(tags));
        return threadAsWritten(caller, discussion, threadId);
    }

    /** The round published: how many comments in how many threads. */
    public record Round(int comments, int threads) {
    }

    /** Publishes all of the caller's drafts in the discussion at once: one notice per thread. */
    @Transactional
    public Round publish(Caller caller, long number) {
        Discussion discussion = guard.commentable(caller, number);
        List<Comment> drafts = threads.drafts(discussion.id(), caller.user().id());
        threads.publish(drafts.stream().map(Comment::id).toList(), clock.instant());
        Map<Long, List<Comment>> byThread = drafts.stream()
                .collect(Collectors.groupingBy(Comment::threadId, LinkedHashMap::new, Collectors.toList()));
        byThread.forEach((threadId, comments) -> announce(caller, discussion, threadId, comments.get(0).id(),
                comments.stream().map(Comment::body).toList()));
        return new Round(drafts.size(), byThread.size());
    }

    /** The number of unresolved threads of a discussion, for pages. */
    public long unresolvedCount(long discussionId) {
        return threads.unresolvedCount(discussionId);
    }

    /** The numbers of unresolved threads of several discussions at once (absent: none), for lists. */
    public Map<Long, Long> unresolvedCounts(Collection<Long> discussionIds) {
        return threads.unresolvedCounts(discussionIds);
    }

    /** Parses tag names, refusing unknown ones with a 400 naming the valid tags. */
    public static Set<ThreadTag> parseTags(List<String> tags) {
        Set<ThreadTag> parsed = EnumSet.noneOf(ThreadTag.class);
        if (tags != null) {
            tags.forEach(tag -> parsed.add(ThreadTag.ofKey(tag)));
        }
        return parsed;
    }

    private ThreadView threadAsWritten(Caller caller, Discussion discussion, long threadId) {
        CommentThread thread = visible(Optional.of(caller), discussion, threadId);
        int viewed = thread.anchor().map(Anchor::iteration).orElseGet(() -> files.viewed(discussion, Optional.empty()));
        return views.thread(Optional.of(caller), discussion, thread, viewed);
    }

    private CommentThread visible(Optional<Caller> caller, Discussion discussion, long threadId) {
        return threads.find(discussion.id(), threadId, caller.map(present -> present.user().id()).orElse(-1L))
                .orElseThrow(() -> new NotFoundException("#" + discussion.id() + " has no thread " + threadId));
    }

    // Participants hear of a comment in their thread; the mentioned hear of being named (the actor of neither).
    private void announce(Caller caller, Discussion discussion, long threadId, long firstNewComment,
            List<String> bodies) {
        long actor = caller.user().id();
        String path = discussion.path() + "#thread-" + threadId;
        String excerpt = excerpt(bodies.get(bodies.size() - 1));
        Set<Long> participants = new HashSet<>(threads.participants(threadId, firstNewComment));
        participants.remove(actor);
        events.publishEvent(new Notice(NoticeKind.COMMENT, discussion.id(), discussion.projectId(), actor,
                Set.copyOf(participants), caller.name() + " commented on #" + discussion.id() + " "
                        + discussion.title(), path, excerpt));
        List<TrackerPattern> patterns = List.of();
        Set<Long> mentioned = new HashSet<>();
        for (String body : bodies) {
            renderer.render(body, patterns).mentioned().forEach(person -> mentioned.add(person.id()));
        }
        mentioned.remove(actor);
        if (!mentioned.isEmpty()) {
            events.publishEvent(new Notice(NoticeKind.MENTION, discussion.id(), discussion.projectId(), actor,
                    Set.copyOf(mentioned), caller.name() + " mentioned you on #" + discussion.id() + " "
                            + discussion.title(), path, excerpt));
        }
    }

    private static String checkBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("Missing body: write the comment's text (Markdown)");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new InvalidInputException("A comment is at most " + MAX_BODY_LENGTH + " characters; this one has "
                    + body.length());
        }
        return body;
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH - 1) + "…";
    }
}
