package dev.assay.server.review.change;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.browse.diff.DiffLine;
import dev.assay.server.git.browse.diff.DiffView;
import dev.assay.server.git.browse.HistoryService;

/**
 * The diffs of a change request: revision R against the merge base it was made on, or (the interdiff) against
 * revision Q's commit, built by the source browser's diff code.
 */
@Service
public class ChangeDiffs {

    /** A diff of revision {@code revision} against revision {@code against} (null: against its merge base). */
    public record RevisionDiff(int revision, Integer against, String oldCommit, String newCommit, DiffView diff) {
    }

    /** The API's shape of a diff. */
    public record DiffJson(int revision, Integer against, List<FileJson> files) {
    }

    /** One file of {@link DiffJson}. */
    public record FileJson(String path, String oldPath, String change, List<LineJson> lines) {
    }

    /** One line of {@link FileJson}: context, added or removed. */
    public record LineJson(String kind, Integer oldLine, Integer newLine, String text) {
    }

    private final ChangeRequestService changes;
    private final HistoryService history;

    ChangeDiffs(ChangeRequestService changes, HistoryService history) {
        this.changes = changes;
        this.history = history;
    }

    /** Revision R (empty: the latest) of change request #number against its merge base or revision Q. */
    public RevisionDiff diff(Optional<Caller> caller, long number, Optional<Integer> revision,
            Optional<Integer> against) {
        ChangeRequestService.Located located = changes.readable(caller, number);
        List<Revision> revisions = changes.revisions(located.changeRequest());
        if (revisions.isEmpty()) {
            throw new NotFoundException("change request #" + number + " has no revision yet");
        }
        Revision newer = revision.map(wanted -> find(revisions, number, wanted))
                .orElseGet(() -> revisions.get(revisions.size() - 1));
        Optional<Revision> older = against.map(wanted -> find(revisions, number, wanted));
        String oldCommit = older.map(Revision::commit).orElse(newer.baseCommit());
        DiffView diff = history.diff(located.project(), oldCommit, newer.commit());
        return new RevisionDiff(newer.number(), older.map(Revision::number).orElse(null), oldCommit, newer.commit(),
                diff);
    }

    /** The API's view of a diff. */
    public static DiffJson json(RevisionDiff diff) {
        return new DiffJson(diff.revision(), diff.against(), diff.diff().files().stream().map(file -> new FileJson(
                file.path(), file.oldPath(), file.change().name().toLowerCase(Locale.ROOT),
                file.lines().stream().filter(ChangeDiffs::isText).map(line -> new LineJson(
                        line.kind().name().toLowerCase(Locale.ROOT), line.oldNumber(), line.newNumber(),
                        line.text())).toList())).toList());
    }

    private static boolean isText(DiffLine line) {
        return line.kind() == DiffLine.Kind.CONTEXT || line.kind() == DiffLine.Kind.ADDED
                || line.kind() == DiffLine.Kind.REMOVED;
    }

    private static Revision find(List<Revision> revisions, long number, int wanted) {
        return revisions.stream().filter(candidate -> candidate.number() == wanted).findFirst()
                .orElseThrow(() -> new NotFoundException("change request #" + number + " has no revision " + wanted
                        + "; it has 1 to " + revisions.size()));
    }
}
