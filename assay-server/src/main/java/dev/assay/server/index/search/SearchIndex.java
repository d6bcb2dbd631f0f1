package dev.assay.server.index.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.assay.packaging.PackagingException;
import dev.assay.server.background.BackgroundPasses;
import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.server.index.FileUploaded;
import dev.assay.server.index.IndexChanged;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectCreated;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.ReleaseMetadata;
import dev.assay.server.index.ReleaseRepository;

/**
 * What search finds a project by, and the ranked search itself. The one rule: a project is found by its name and
 * by the summary, keywords and description of its latest release as the project page picks it
 * ({@link ReleaseLookup#latestOf}); which projects a reader sees is the visibility rule of
 * {@link ProjectRepository#READABLE}, applied when searching. The words are rewritten, in the transaction of the
 * change, whenever the latest release may change: a project created, a file uploaded (maybe a new release), a
 * release yanked, unyanked or deleted. Deleting one file leaves the latest release as it was.
 */
@Service
public class SearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private static final int MAX_NAME = 1000;
    private static final int MAX_SUMMARY = 2000;
    private static final int MAX_KEYWORDS = 10_000;
    /** Far below PostgreSQL's 1 MB tsvector limit; the start of a description says what it is about. */
    private static final int MAX_DESCRIPTION = 100_000;

    private final SearchRepository search;
    private final ProjectRepository projects;
    private final ReleaseRepository releases;
    private final TransactionTemplate transactions;
    private final BackgroundPasses passes;

    SearchIndex(SearchRepository search, ProjectRepository projects, ReleaseRepository releases,
            TransactionTemplate transactions, BackgroundPasses passes) {
        this.search = search;
        this.projects = projects;
        this.releases = releases;
        this.transactions = transactions;
        this.passes = passes;
    }

    /** One page of the projects the reader may read that match the query, best first. */
    @Transactional(readOnly = true)
    public List<SearchHit> find(Reader reader, SearchQuery query, int offset, int limit) {
        return search.find(reader, query, offset, limit);
    }

    /** Rewrites the project's words from its latest release, holding the project's lock; nothing if it is gone. */
    @Transactional
    public void refresh(long projectId) {
        Optional<Project> found = projects.findById(projectId)
                .flatMap(project -> projects.lockByNormalizedName(project.normalizedName()));
        if (found.isEmpty()) {
            return;
        }
        Project project = found.get();
        Optional<Release> latest = ReleaseLookup.latestOf(releases.list(projectId));
        Optional<CoreMetadata> metadata = latest.flatMap(SearchIndex::metadata);
        // the texts search also finds literally: the name as written and normalised, and the summary shown
        String summary = latest.map(Release::summary).orElse(project.summary());
        search.replace(new SearchRepository.Row(projectId, latest.map(Release::id).orElse(null),
                SearchWords.padded(project.name(), MAX_NAME),
                SearchWords.padded(metadata.flatMap(CoreMetadata::summary).orElse(""), MAX_SUMMARY),
                SearchWords.padded(String.join(" ", metadata.map(CoreMetadata::keywords).orElse(List.of())),
                        MAX_KEYWORDS),
                SearchWords.padded(metadata.flatMap(CoreMetadata::description).orElse(""), MAX_DESCRIPTION),
                SearchWords.pieces(project.name().toLowerCase(Locale.ROOT), project.normalizedName(),
                        summary.toLowerCase(Locale.ROOT))));
    }

    /**
     * Fills the rows of projects that have none (those from before search kept rows), each in its own transaction;
     * at start, and cheap when every project has its row.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void refreshMissing() {
        List<Long> missing = search.projectsWithoutRow();
        missing.forEach(projectId -> transactions.executeWithoutResult(status -> refresh(projectId)));
        if (!missing.isEmpty()) {
            LOG.info("Search: indexed {} project(s) not indexed before", missing.size());
        }
    }

    /**
     * On H2, fills the word tables of the projects indexed before they were kept (V30), in the background: until
     * the pass reaches a project, search finds it only by its name or summary literally.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void fillWordsLater() {
        if (search.keepsWords()) {
            passes.submit("search words of the projects indexed before they were kept", this::fillWords);
        }
    }

    /** Rewrites the rows of the projects without words, each in its own transaction, until the server stops. */
    void fillWords() {
        List<Long> missing = search.projectsWithoutWords();
        int done = 0;
        for (long projectId : missing) {
            if (passes.stopping()) {
                return;
            }
            transactions.executeWithoutResult(status -> refresh(projectId));
            if (++done % BackgroundPasses.PROGRESS_EVERY == 0) {
                LOG.info("Search: words kept for {} of {} project(s)", done, missing.size());
            }
        }
    }

    @EventListener
    void projectCreated(ProjectCreated created) {
        refresh(created.projectId());
    }

    /** A project inserted without {@link ProjectCreated} (tools, tests) gets its row as soon as it is listed. */
    @EventListener
    void indexChanged(IndexChanged changed) {
        if (changed.listChanged() && changed.projectId() != 0 && !search.hasRow(changed.projectId())) {
            transactions.executeWithoutResult(status -> refresh(changed.projectId()));
        }
    }

    @EventListener
    void fileUploaded(FileUploaded uploaded) {
        refresh(uploaded.projectId());
    }

    private static Optional<CoreMetadata> metadata(Release release) {
        try {
            return Optional.of(ReleaseMetadata.of(release));
        } catch (PackagingException unreadable) {
            // checked at upload, so never expected: the project stays findable by its name
            LOG.warn("Search: the metadata of release {} does not parse: {}", release.id(), unreadable.getMessage());
            return Optional.empty();
        }
    }
}
