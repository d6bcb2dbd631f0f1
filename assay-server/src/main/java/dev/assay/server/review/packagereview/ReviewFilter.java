package dev.assay.server.review.packagereview;

import java.util.Map;
import java.util.Optional;

import dev.assay.server.error.InvalidInputException;

/**
 * What {@code /reviews} lists: reviews in one state, the caller's own (as contributor or reviewer), those waiting
 * for the caller, those that need a sponsor; every condition given must hold.
 */
public record ReviewFilter(Optional<PackageReviewState> state, boolean mine, boolean waitingForMe,
        boolean sponsorNeeded) {

    /** Every review the caller may read. */
    public static final ReviewFilter ALL = new ReviewFilter(Optional.empty(), false, false, false);

    /**
     * The filter a query string asks for: {@code state}, and {@code mine}, {@code waiting-for-me},
     * {@code sponsor-needed} given as {@code true} or {@code false}.
     */
    public static ReviewFilter fromQuery(Map<String, String> query) {
        return of(query.get("state"), flag(query, "mine"), flag(query, "waiting-for-me"),
                flag(query, "sponsor-needed"));
    }

    private static boolean flag(Map<String, String> query, String name) {
        String value = query.getOrDefault(name, "false").strip();
        if (value.equals("true") || value.equals("false")) {
            return value.equals("true");
        }
        throw new InvalidInputException("'" + name + "' is true or false, not '" + value + "'");
    }

    /** The filter from request parameters ({@code state} may be empty). */
    public static ReviewFilter of(String state, boolean mine, boolean waitingForMe, boolean sponsorNeeded) {
        return new ReviewFilter(state == null || state.isBlank() ? Optional.empty()
                : Optional.of(PackageReviewState.ofKey(state)), mine, waitingForMe, sponsorNeeded);
    }
}
