package dev.assay.server.index.pages;

import java.util.List;
import java.util.Optional;

import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Release;

/**
 * Everything a project or release page shows. {@code release} is empty for a project with no release yet;
 * {@code descriptionHtml} is sanitised HTML, or null when the description is shown as plain text.
 */
public record ProjectPage(
        Project project,
        Optional<Release> release,
        boolean latest,
        String summary,
        String description,
        String descriptionHtml,
        List<Release> history,
        List<DistributionFile> files,
        List<Fact> facts,
        List<Link> projectUrls,
        List<ProjectRepository.Member> members,
        List<DependencyView> dependencies,
        List<DependentProject> dependents) {

    /** A labelled fact from the release's metadata, e.g. "Requires: Python" → "&gt;=3.9". */
    public record Fact(String label, String value) {
    }

    /** A project URL; {@code safe} when it may be a link (http or https), else it is shown as text. */
    public record Link(String label, String url, boolean safe) {
    }

    /**
     * The pip command that installs the shown release from this index, {@code indexUrl} (its {@code /simple/}
     * address): naming the index keeps pip from taking a same-named package from the public one.
     */
    public String pipInstall(String indexUrl) {
        return "pip install --index-url " + indexUrl + " " + requirement();
    }

    /** The same with uv. */
    public String uvInstall(String indexUrl) {
        return "uv pip install --index-url " + indexUrl + " " + requirement();
    }

    /** The same with poetry: this index as the project's primary source, then the dependency. */
    public String poetryAdd(String indexUrl) {
        return "poetry source add --priority=primary assay " + indexUrl + "\npoetry add " + requirement();
    }

    private String requirement() {
        return project.normalizedName() + (latest ? "" : "==" + release.map(Release::version).orElse(""));
    }
}
