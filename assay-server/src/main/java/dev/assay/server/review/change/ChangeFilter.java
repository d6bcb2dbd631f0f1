package dev.assay.server.review.change;

import java.util.Map;
import java.util.Optional;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.ProjectService;

/**
 * Which change requests a list shows: a state (none: all), one project (its normalised name), the lister's own
 * ({@code mine}) or those waiting for the lister's vote ({@code needs-my-review}).
 */
public record ChangeFilter(Optional<ChangeRequestState> state, Optional<String> project, boolean mine,
        boolean needsMyReview) {

    /** The open ones of every readable project. */
    public static final ChangeFilter OPEN = new ChangeFilter(Optional.of(ChangeRequestState.OPEN), Optional.empty(),
            false, false);

    /** Reads {@code state=open|merged|closed|all}, {@code project=NAME}, {@code filter=mine|needs-my-review}. */
    public static ChangeFilter fromQuery(Map<String, String> query) {
        String state = query.getOrDefault("state", "open").strip();
        Optional<ChangeRequestState> chosen = switch (state) {
            case "open", "" -> Optional.of(ChangeRequestState.OPEN);
            case "merged" -> Optional.of(ChangeRequestState.MERGED);
            case "closed" -> Optional.of(ChangeRequestState.CLOSED);
            case "all" -> Optional.empty();
            default -> throw new InvalidInputException("state must be open, merged, closed or all, not '"
                    + clip(state) + "'");
        };
        String filter = query.getOrDefault("filter", "").strip();
        if (!filter.isEmpty() && !filter.equals("mine") && !filter.equals("needs-my-review")) {
            throw new InvalidInputException("filter must be mine or needs-my-review, not '" + clip(filter) + "'");
        }
        Optional<String> project = Optional.ofNullable(query.get("project")).map(String::strip)
                .filter(name -> !name.isEmpty()).map(ChangeFilter::normalized);
        return new ChangeFilter(chosen, project, filter.equals("mine"), filter.equals("needs-my-review"));
    }

    /** Whether the filter needs a signed-in lister. */
    public boolean personal() {
        return mine || needsMyReview;
    }

    /** The query string's value of {@code state}. */
    public String stateKey() {
        return state.map(ChangeRequestState::key).orElse("all");
    }

    /** The query string's value of {@code filter} ("" for none). */
    public String filterKey() {
        return mine ? "mine" : needsMyReview ? "needs-my-review" : "";
    }

    private static String normalized(String name) {
        if (name.length() > 200) {
            throw new InvalidInputException("project must be a project name of at most 200 characters");
        }
        return ProjectService.parseName(name).normalized();
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
