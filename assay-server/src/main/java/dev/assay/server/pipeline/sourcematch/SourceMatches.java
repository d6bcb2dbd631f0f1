package dev.assay.server.pipeline.sourcematch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.server.index.Project;
import dev.assay.server.index.Release;
import dev.assay.server.index.contents.ReleaseContents;
import dev.assay.server.pipeline.triggers.ReleaseTags;

/**
 * Answers "was this release built from its source?": finds the commit its version is tagged at ({@link ReleaseTags})
 * and compares every uploaded file with that commit's tree, then with what the release's pipeline rebuilt from it. Callers check first that the reader may read the
 * project; this service decides nothing about visibility.
 */
@Service
public class SourceMatches {

    private final ReleaseTags tags;
    private final TaggedTree trees;
    private final ReleaseContents contents;
    private final Rebuilds rebuilds;

    SourceMatches(ReleaseTags tags, TaggedTree trees, ReleaseContents contents, Rebuilds rebuilds) {
        this.tags = tags;
        this.trees = trees;
        this.contents = contents;
        this.rebuilds = rebuilds;
    }

    /** The release against its tagged commit; {@link SourceVerdict#NO_SOURCE} when no tag names its version. */
    public SourceMatch of(Project project, Release release) {
        Optional<ReleaseTags.Tagged> tagged = tags.commitOf(project.normalizedName(), release.version());
        Optional<Map<String, String>> tree = tagged.flatMap(tag -> trees.hashes(project.normalizedName(),
                tag.commit()));
        if (tagged.isEmpty() || tree.isEmpty()) {
            return SourceMatch.noSource(project.name(), release.version());
        }
        TreeComparison comparison = new TreeComparison(tree.get());
        Optional<Rebuilds.Rebuild> rebuild = rebuilds.of(release.id());
        List<FileSourceMatch> files = contents.list(project, release).stream().map(upload -> {
            FileSourceMatch match = comparison.compare(upload);
            return rebuild.map(rebuilt -> RebuildComparison.refine(match, upload, rebuilt)).orElse(match);
        }).toList();
        return new SourceMatch(project.name(), release.version(), verdictOf(files),
                Optional.of(tagged.get().ref()), Optional.of(tagged.get().commit()), files);
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
