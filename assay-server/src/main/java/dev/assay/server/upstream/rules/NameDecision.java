package dev.assay.server.upstream.rules;

import java.util.Optional;

/**
 * Whether a name may be answered from upstream, and if not why: hosted here (in any visibility: a private
 * project's name never falls through to upstream), reserved by a deny rule, or outside every allow rule.
 */
public record NameDecision(Verdict verdict, Optional<NameRule> rule) {

    /** The outcome for a name. */
    public enum Verdict {
        FROM_UPSTREAM, HOSTED, RESERVED, NOT_ALLOWED
    }

    /** Whether upstream may be asked for the name. */
    public boolean fromUpstream() {
        return verdict == Verdict.FROM_UPSTREAM;
    }
}
