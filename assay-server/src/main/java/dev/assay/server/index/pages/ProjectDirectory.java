package dev.assay.server.index.pages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.ProjectService;

/** What the index lists for browsing: the latest uploads and the projects a search finds. */
@Service
public class ProjectDirectory {

    /** Hits per search page. */
    public static final int PAGE_SIZE = 20;

    private static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_PAGE = 10_000;

    private final BrowseRepository browse;
    private final ProjectService projects;

    ProjectDirectory(BrowseRepository browse, ProjectService projects) {
        this.browse = browse;
        this.projects = projects;
    }

    /** The most recently created releases of the projects the caller may read, newest first. */
    public List<ReleaseSummary> recentReleases(Optional<Caller> caller, int count) {
        return browse.recentReleases(projects.reader(caller), count);
    }

    /**
     * Projects the caller may read whose name or summary contains the query, ignoring case; page 1 is the first.
     */
    public SearchResults search(Optional<Caller> caller, String query, String pageText) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException("The search is too long: use at most " + MAX_QUERY_LENGTH + " characters");
        }
        int page = parsePage(pageText);
        if (text.isEmpty()) {
            return new SearchResults(text, page, List.of(), false);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String normalized = lower.replaceAll("[-_.]+", "-");
        List<ProjectHit> hits = browse.search(projects.reader(caller), contains(lower), contains(normalized), normalized,
                (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasNext = hits.size() > PAGE_SIZE;
        return new SearchResults(text, page, hasNext ? hits.subList(0, PAGE_SIZE) : hits, hasNext);
    }

    /** A LIKE pattern matching values that contain the text literally: its {@code %}, {@code _}, {@code \} escaped. */
    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The page number a {@code page} parameter gives, 1 when absent; an error naming the range otherwise. */
    static int parsePage(String pageText) {
        if (pageText == null || pageText.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(pageText.strip());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException notANumber) {
            // answered below with the same message as an out-of-range page
        }
        throw new InvalidInputException("'" + pageText + "' is not a page number: use a whole number from 1 to "
                + MAX_PAGE);
    }
}
