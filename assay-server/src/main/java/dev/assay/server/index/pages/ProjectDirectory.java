package dev.assay.server.index.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.search.SearchIndex;
import dev.assay.server.index.search.SearchQuery;

/** What the index lists for browsing: the latest uploads and the projects a search finds. */
@Service
public class ProjectDirectory {

    /** Hits per search page. */
    public static final int PAGE_SIZE = 20;

    private static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_PAGE = 10_000;

    private final BrowseRepository browse;
    private final SearchIndex search;
    private final ProjectService projects;

    ProjectDirectory(BrowseRepository browse, SearchIndex search, ProjectService projects) {
        this.browse = browse;
        this.search = search;
        this.projects = projects;
    }

    /** The most recently created releases of the projects the caller may read, newest first. */
    public List<ReleaseSummary> recentReleases(Optional<Caller> caller, int count) {
        return browse.recentReleases(projects.reader(caller), count);
    }

    /**
     * Projects the caller may read, found by the words of the query in their name and latest summary, keywords and
     * description, or by its text in their name or summary; the exact name first, then the best matches
     * ({@link SearchIndex}); page 1 is the first. Control characters in the query count as spaces.
     */
    public SearchResults search(Optional<Caller> caller, String query, String pageText) {
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException("The search is too long: use at most " + MAX_QUERY_LENGTH + " characters");
        }
        int page = parsePage(pageText);
        // PostgreSQL refuses a NUL in any text it is sent, and no name or summary holds a control character
        String clean = text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty()) {
            return new SearchResults(text, page, List.of(), false);
        }
        List<ProjectHit> hits = search.find(projects.reader(caller), SearchQuery.of(clean), (page - 1) * PAGE_SIZE,
                PAGE_SIZE + 1).stream().map(ProjectHit::of).toList();
        boolean hasNext = hits.size() > PAGE_SIZE;
        return new SearchResults(text, page, hasNext ? hits.subList(0, PAGE_SIZE) : hits, hasNext);
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
