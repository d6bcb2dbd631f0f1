package dev.assay.server.upstream.rules;

import dev.assay.server.error.NotFoundException;

/** The 404 for a name upstream may not answer, saying why: reserved on this index, or outside the allow list. */
public final class NameRefusal {

    private NameRefusal() {
    }

    /** The answer for a name whose decision is {@link NameDecision.Verdict#RESERVED} or {@code NOT_ALLOWED}. */
    public static NotFoundException notFound(String normalizedName, NameDecision decision) {
        String reason = decision.rule().flatMap(NameRule::reason).map(text -> " (" + text + ")").orElse("");
        return switch (decision.verdict()) {
            case RESERVED -> new NotFoundException("the name '" + normalizedName + "' is reserved on this index"
                    + reason + ": it is never answered from upstream");
            case NOT_ALLOWED -> new NotFoundException("the name '" + normalizedName + "' is not among the names this "
                    + "index takes from upstream, and no project here has it");
            case HOSTED, FROM_UPSTREAM -> new NotFoundException("there is no project named '" + normalizedName + "'");
        };
    }
}
