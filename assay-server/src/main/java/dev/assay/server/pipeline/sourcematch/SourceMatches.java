package dev.assay.server.pipeline.sourcematch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.contents.ContentEntry;
import dev.assay.server.index.contents.DistributionContents;
import dev.assay.server.index.contents.FileText;
import dev.assay.server.index.contents.ReleaseContents;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.sourcecommit.ReleaseSource;
import dev.assay.server.pipeline.sourcecommit.ReleaseSources;

/**
 * Answers "was this release built from its source?": finds the commit it was built from ({@link ReleaseSources}: the
 * one named for it, else its version's tag) and compares every uploaded file with that commit's tree, then with what the release's pipeline rebuilt from it. Callers check first that the reader may read the
 * project; this service decides nothing about visibility.
 */
@Service
public class SourceMatches {

    private static final int SETUP_CFG_LIMIT = 1 << 20;

    private final ReleaseSources sources;
    private final TaggedTree trees;
    private final ReleaseContents contents;
    private final Rebuilds rebuilds;
    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final StoredVerdicts stored;

    SourceMatches(ReleaseSources sources, TaggedTree trees, ReleaseContents contents, Rebuilds rebuilds,
            ProjectService projects, ReleaseLookup lookup, StoredVerdicts stored) {
        this.sources = sources;
        this.projects = projects;
        this.lookup = lookup;
        this.trees = trees;
        this.contents = contents;
        this.rebuilds = rebuilds;
        this.stored = stored;
    }

    /**
     * The release against the commit it was built from; {@link SourceVerdict#NO_SOURCE} when there is none. A match
     * made once the rebuild's result was in is stored, and read again while what it was made from stands.
     */
    public SourceMatch of(Project project, Release release) {
        Optional<ReleaseSource> found = sources.of(project, release);
        if (found.isPresent() && !found.get().inRepository()) {
            return SourceMatch.notInRepository(project.name(), release.version(), found.get());
        }
        if (found.isEmpty()) {
            return SourceMatch.noSource(project.name(), release.version());
        }
        List<PipelineView> latest = rebuilds.latest(release.id());
        String key = StoredVerdicts.key(found.get(), lookup.files(release), latest);
        return stored.find(release.id(), key).orElseGet(() -> {
            SourceMatch match = compared(project, release, found.get(), latest);
            if (StoredVerdicts.settled(match, latest)) {
                stored.store(release.id(), key, match);
            }
            return match;
        });
    }

    private SourceMatch compared(Project project, Release release, ReleaseSource source, List<PipelineView> latest) {
        String commit = source.commit();
        Optional<Map<String, String>> tree = trees.hashes(project.normalizedName(), commit);
        if (tree.isEmpty()) {
            return SourceMatch.noSource(project.name(), release.version());
        }
        TreeComparison comparison = new TreeComparison(tree.get());
        Optional<Rebuilds.Rebuild> rebuild = rebuilds.of(latest);
        List<FileSourceMatch> files = contents.list(project, release).stream().map(upload -> {
            FileSourceMatch match = comparison.compare(upload, setupCfgEdited(project, release, upload, tree.get(),
                    commit));
            return rebuild.map(rebuilt -> RebuildComparison.refine(match, upload, rebuilt)).orElse(match);
        }).toList();
        return new SourceMatch(project.name(), release.version(), verdictOf(files), source.tag(),
                Optional.of(commit), Optional.of(source.describe()), Optional.of(source.namedBy()), files);
    }

    /** Whether the sdist's {@code setup.cfg} is the tree's but for setuptools' {@code [egg_info]} section. */
    private boolean setupCfgEdited(Project project, Release release, DistributionContents upload,
            Map<String, String> tree, String commit) {
        String path = "sdist/" + TreeComparison.SETUP_CFG;
        Optional<ContentEntry> entry = upload.entry(path);
        String treeHash = tree.get(TreeComparison.SETUP_CFG);
        if (!"sdist".equals(upload.root()) || entry.isEmpty() || treeHash == null
                || treeHash.equals(entry.get().sha256())) {
            return false;
        }
        Optional<String> inTree = trees.text(project.normalizedName(), commit, TreeComparison.SETUP_CFG, SETUP_CFG_LIMIT);
        // by release: when a release has two sdists, the first by name answers, so the other one is not accepted
        Optional<FileText> inSdist = contents.find(project, release, path)
                .filter(text -> text.file().filename().equals(upload.file().filename()));
        return inTree.isPresent() && inSdist.isPresent() && !inSdist.get().lines().isEmpty()
                && BackendFiles.onlyEggInfoChanged(inTree.get(), String.join("\n", inSdist.get().lines()));
    }

    /** As {@link #of(Project, Release)}, by names, for a page that already checked the reader may read the project. */
    public SourceMatch of(String project, String version) {
        Project found = projects.project(project);
        return of(found, lookup.release(found, version));
    }

    /** The release's verdict: the worst of its files'. */
    static SourceVerdict verdictOf(List<FileSourceMatch> files) {
        if (files.isEmpty()) {
            return SourceVerdict.NO_SOURCE;
        }
        if (files.stream().anyMatch(file -> file.verdict() == SourceVerdict.DIFFERS)) {
            return SourceVerdict.DIFFERS;
        }
        return files.stream().allMatch(file -> file.verdict() == SourceVerdict.REPRODUCED) ? SourceVerdict.REPRODUCED
                : SourceVerdict.MATCHES_THE_SOURCE;
    }
}
