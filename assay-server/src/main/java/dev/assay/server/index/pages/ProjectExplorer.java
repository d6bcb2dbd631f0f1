package dev.assay.server.index.pages;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.ProjectService;

/** Ways to find a project besides the full search: {@code /explore}'s sorted listing and the header's suggestions. */
@Service
public class ProjectExplorer {

    /** Projects per explore page. */
    public static final int PAGE_SIZE = 20;

    /** Suggestions the header's search box shows as one types. */
    public static final int SUGGESTIONS = 8;

    private final ExploreRepository explore;
    private final ProjectDirectory directory;
    private final ProjectService projects;

    ProjectExplorer(ExploreRepository explore, ProjectDirectory directory, ProjectService projects) {
        this.explore = explore;
        this.directory = directory;
        this.projects = projects;
    }

    /** One page of the projects the caller may read, in the order the {@code sort} parameter names. */
    public ExplorePage explore(Optional<Caller> caller, String sortKey, String pageText) {
        ExploreSort sort = ExploreSort.ofKey(sortKey);
        int page = ProjectDirectory.parsePage(pageText);
        List<ExploredProject> found = explore.projects(projects.reader(caller), sort, (page - 1) * PAGE_SIZE,
                PAGE_SIZE + 1);
        boolean hasNext = found.size() > PAGE_SIZE;
        return new ExplorePage(sort, page, hasNext ? found.subList(0, PAGE_SIZE) : found, hasNext);
    }

    /** The first hits of the search for the text, the best first, as the search page would list them. */
    public List<ProjectHit> suggestions(Optional<Caller> caller, String text) {
        List<ProjectHit> hits = directory.search(caller, text, "1").hits();
        return hits.size() > SUGGESTIONS ? hits.subList(0, SUGGESTIONS) : hits;
    }
}
