package dev.assay.server.index.releasediff;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.contents.ChangedFile;
import dev.assay.server.review.thread.Conversation;
import dev.assay.server.review.thread.ThreadService;
import dev.assay.server.review.thread.ThreadView;

/**
 * {@code /api/v1/projects/<name>/<version>/diff}: the release's previous version, the counts per distribution kind,
 * the changed paths and the threads on them, readable as the release is; threads are written through
 * {@code /api/v1/diffs/<discussion>/threads}.
 */
@RestController
class ReleaseDiffApiController {

    /** One changed path: {@code added}, {@code removed} or {@code changed}, with its line counts for text. */
    record FileStatus(String path, String status, boolean text, int linesAdded, int linesRemoved) {
    }

    /**
     * The diff as data; {@code previous} null for a first release, {@code discussion} null when it has none,
     * {@code unreadable} the files of either release that cannot be read (their kinds are not compared).
     */
    record Report(String project, String version, String previous, Long discussion, List<KindCounts> summary,
            int unchanged, int omittedFiles, List<FileStatus> files, List<UnreadableFile> unreadable, long unresolved,
            List<ThreadView> threads) {
    }

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final ReleaseDiffs diffs;
    private final ThreadService threads;
    private final CallerResolver callers;

    ReleaseDiffApiController(ProjectService projects, ReleaseLookup lookup, ReleaseDiffs diffs,
            ThreadService threads, CallerResolver callers) {
        this.projects = projects;
        this.lookup = lookup;
        this.diffs = diffs;
        this.threads = threads;
        this.callers = callers;
    }

    @GetMapping("/api/v1/projects/{name}/{version}/diff")
    Report diff(Authentication authentication, @PathVariable String name, @PathVariable String version) {
        Optional<Caller> caller = callers.caller(authentication);
        Project project = projects.clientReadable(caller, name);
        ReleaseDiff diff = diffs.of(project, lookup.release(project, version));
        Optional<Conversation> conversation = diff.discussion()
                .map(number -> threads.conversation(caller, number, Optional.empty()));
        return new Report(project.name(), diff.release().version(),
                diff.previous().map(previous -> previous.version()).orElse(null), diff.discussion().orElse(null),
                diff.counts(), diff.comparison().map(compared -> compared.unchanged()).orElse(0),
                diff.comparison().map(compared -> compared.omittedFiles()).orElse(0),
                diff.comparison().map(compared -> compared.files().stream().map(ReleaseDiffApiController::status)
                        .toList()).orElse(List.of()),
                diff.unreadable(), conversation.map(Conversation::unresolved).orElse(0L),
                conversation.map(Conversation::threads).orElse(List.of()));
    }

    private static FileStatus status(ChangedFile file) {
        return new FileStatus(file.path(), file.change().label(), file.textDiff(), file.added(), file.removed());
    }
}
