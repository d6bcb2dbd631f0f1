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

    /** The command that installs the shown release. */
    public String pipInstall() {
        return "pip install " + project.normalizedName() + (latest ? "" : "==" + release.map(Release::version).orElse(""));
    }
}
