package dev.assay.server.review.thread;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.thread.anchor.Anchor;
import dev.assay.server.review.thread.anchor.Side;

/** The files of each kind of discussion, and the checks of anchors and iterations against them. */
@Component
class ThreadFiles {

    private final Map<DiscussionKind, DiscussionFiles> files;

    // Spring hands the list sorted by @Order: where two provide the same kind, the first wins.
    ThreadFiles(List<DiscussionFiles> files) {
        this.files = files.stream().collect(Collectors.toMap(DiscussionFiles::kind, Function.identity(),
                (first, second) -> first));
    }

    Optional<DiscussionFiles> of(Discussion discussion) {
        return Optional.ofNullable(files.get(discussion.kind()));
    }

    List<Integer> iterations(Discussion discussion) {
        return of(discussion).map(source -> source.iterations(discussion)).orElse(List.of());
    }

    /** The iteration to view: the one asked for (checked), else the newest. */
    int viewed(Discussion discussion, Optional<Integer> asked) {
        List<Integer> known = iterations(discussion);
        if (asked.isPresent()) {
            if (!known.contains(asked.get())) {
                throw new InvalidInputException("#" + discussion.id() + " has no iteration " + asked.get()
                        + "; its iterations are " + describe(known));
            }
            return asked.get();
        }
        return known.isEmpty() ? 0 : known.get(known.size() - 1);
    }

    /** Refuses an anchor outside the discussion's files with a 400 saying what exists. */
    void check(Discussion discussion, Anchor anchor) {
        viewed(discussion, Optional.of(anchor.iteration()));
        if (anchor.path() == null || anchor.path().isBlank() || anchor.path().length() > 1000) {
            throw new InvalidInputException("An inline comment needs the file's logical path (at most 1000 "
                    + "characters), e.g. sdist/src/calc.py");
        }
        boolean old = anchor.side() == Side.OLD;
        Optional<DiscussionFiles> source = of(discussion);
        if (old && anchor.iteration() == 1 && source.filter(DiscussionFiles::firstHasOldSide).isEmpty()) {
            throw new InvalidInputException("Iteration " + anchor.iteration() + " has no old side: it is the first");
        }
        String side = old ? "the old side of iteration " + anchor.iteration() : "iteration " + anchor.iteration();
        List<String> lines = source.flatMap(files -> old ? files.oldLines(discussion, anchor.iteration(), anchor.path())
                        : files.lines(discussion, anchor.iteration(), anchor.path()))
                .orElseThrow(() -> new InvalidInputException("There is no text file '" + anchor.path()
                        + "' in " + side + " of #" + discussion.id()));
        if (anchor.line() < 1 || anchor.line() > lines.size()) {
            throw new InvalidInputException("Line " + anchor.line() + " is out of range: '" + anchor.path()
                    + "' has lines 1 to " + lines.size() + " in " + side);
        }
    }

    private static String describe(List<Integer> iterations) {
        return iterations.isEmpty() ? "none yet"
                : iterations.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
