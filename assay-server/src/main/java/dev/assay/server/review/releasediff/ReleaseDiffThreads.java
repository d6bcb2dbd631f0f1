package dev.assay.server.review.releasediff;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.releasediff.ReleaseDiffs;
import dev.assay.server.review.thread.Conversation;
import dev.assay.server.review.thread.ThreadService;

/** The threads on the release diffs of a package review's iterations, for the review's page. */
@Component("releaseDiffThreads")
public class ReleaseDiffThreads {

    /** The threads of one release's diff ({@code number} is its discussion). */
    public record OnRelease(String version, long number, long unresolved, List<ThreadSummary> threads) {
    }

    /** One thread as listed: where it is, its first comment, whether it is resolved. */
    public record ThreadSummary(long id, String where, String author, String firstComment, boolean resolved) {
    }

    private final ReleaseDiffs diffs;
    private final ThreadService threads;
    private final CallerResolver callers;

    ReleaseDiffThreads(ReleaseDiffs diffs, ThreadService threads, CallerResolver callers) {
        this.diffs = diffs;
        this.threads = threads;
        this.callers = callers;
    }

    /** The release diffs of these versions of the project that have threads the viewer may see, in order. */
    public List<OnRelease> of(Authentication authentication, String project, List<String> versions) {
        Optional<Caller> caller = callers.caller(authentication);
        return versions.stream().flatMap(version -> diffs.discussion(caller, project, version)
                .map(number -> threads.conversation(caller, number, Optional.empty()))
                .filter(conversation -> !conversation.threads().isEmpty())
                .map(conversation -> onRelease(version, conversation)).stream()).toList();
    }

    private static OnRelease onRelease(String version, Conversation conversation) {
        return new OnRelease(version, conversation.discussion().id(), conversation.unresolved(),
                conversation.threads().stream().map(thread -> new ThreadSummary(thread.id(),
                        thread.anchor() == null ? "general comment" : thread.anchor().path() + ":"
                                + thread.anchor().line() + " (" + thread.anchor().side() + ")",
                        thread.author(), thread.comments().isEmpty() ? "" : thread.comments().get(0).body(),
                        thread.resolved())).toList());
    }
}
