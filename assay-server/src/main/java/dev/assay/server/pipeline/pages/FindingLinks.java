package dev.assay.server.pipeline.pages;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Service;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.GitRepositories;
import dev.assay.server.git.browse.SourceLinks;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.contents.ContentsLinks;
import dev.assay.server.index.contents.DistributionContents;
import dev.assay.server.index.contents.ReleaseContents;
import dev.assay.server.pipeline.FindingView;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.TaskReport;

/**
 * Where a finding's {@code path:line} can be read: the line in the file view of the uploaded file the pipeline
 * tested (the release's contents), or in the source browser at the commit it tested. A path is relative to the
 * package's root (the wheel's, for lint), so it is looked for there and under {@code src/}; a path found in
 * neither gets no link. Callers have checked that the reader may read the project.
 */
@Service
public class FindingLinks {

    private static final Pattern FILE_LINE = Pattern.compile("(.+):([1-9][0-9]{0,8})");
    private static final List<String> PREFIXES = List.of("", "src/");

    private final ProjectService projects;
    private final ReleaseLookup releases;
    private final ReleaseContents contents;
    private final GitRepositories repositories;

    FindingLinks(ProjectService projects, ReleaseLookup releases, ReleaseContents contents,
            GitRepositories repositories) {
        this.projects = projects;
        this.releases = releases;
        this.contents = contents;
        this.repositories = repositories;
    }

    /** A finding's place: the path in the package and a line, counted from 1. */
    record FileLine(String path, int line) {

        /** The place a location ({@code path:line}) names; empty without a line. */
        static Optional<FileLine> of(String location) {
            Matcher match = location == null ? null : FILE_LINE.matcher(location);
            if (match == null || !match.matches()) {
                return Optional.empty();
            }
            String path = match.group(1).replaceFirst("^(\\./|/)+", "");
            return path.isEmpty() ? Optional.empty() : Optional.of(new FileLine(path, Integer.parseInt(match.group(2))));
        }
    }

    /** By location, the address of each finding's line that can be found; findings without a line are left out. */
    public Map<String, String> of(PipelineView pipeline) {
        Map<String, FileLine> wanted = new LinkedHashMap<>();
        for (TaskReport task : pipeline.tasks()) {
            for (FindingView finding : task.findings()) {
                FileLine.of(finding.location()).ifPresent(place -> wanted.put(finding.location(), place));
            }
        }
        if (wanted.isEmpty() || pipeline.filename() != null && pipeline.version() == null) {
            return Map.of();
        }
        Project project = projects.project(pipeline.project());
        return pipeline.filename() != null ? inArchive(project, pipeline, wanted)
                : inCommit(project, pipeline.gitCommit(), wanted);
    }

    private Map<String, String> inArchive(Project project, PipelineView pipeline, Map<String, FileLine> wanted) {
        Optional<DistributionFile> file = Optional.empty();
        Release release = null;
        try {
            release = releases.release(project, pipeline.version());
            file = releases.files(release).stream().filter(f -> f.filename().equals(pipeline.filename())).findFirst();
        } catch (NotFoundException deleted) {
            // the release or file is gone: its findings stay readable, without links
        }
        if (file.isEmpty()) {
            return Map.of();
        }
        DistributionContents listing = contents.list(project, file.get());
        ContentsLinks links = new ContentsLinks(project.normalizedName(), release.version());
        return linked(wanted, place -> PREFIXES.stream().map(prefix -> listing.root() + "/" + prefix + place.path())
                .filter(path -> listing.entry(path).isPresent()).findFirst()
                .map(path -> links.line(path, place.line())));
    }

    private Map<String, String> inCommit(Project project, String commit, Map<String, FileLine> wanted) {
        SourceLinks links = new SourceLinks(project.normalizedName());
        try (Repository repository = repositories.open(project.normalizedName()); RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(commit + "^{commit}");
            if (id == null) {
                return Map.of();
            }
            RevTree tree = walk.parseCommit(id).getTree();
            return linked(wanted, place -> PREFIXES.stream().map(prefix -> prefix + place.path())
                    .filter(path -> isFile(repository, tree, path)).findFirst()
                    .map(path -> links.blob(commit, path) + "#L" + place.line()));
        } catch (IOException | RevisionSyntaxException unreadable) {
            return Map.of();
        }
    }

    private static Map<String, String> linked(Map<String, FileLine> wanted, Function<FileLine, Optional<String>> link) {
        Map<String, String> links = new LinkedHashMap<>();
        wanted.forEach((location, place) -> link.apply(place).ifPresent(url -> links.put(location, url)));
        return links;
    }

    private static boolean isFile(Repository repository, RevTree tree, String path) {
        try (TreeWalk found = TreeWalk.forPath(repository, path, tree)) {
            return found != null && !found.isSubtree();
        } catch (IOException | IllegalArgumentException unreadable) {
            return false;
        }
    }
}
