package dev.assay.server.index.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Reader;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.ReleaseMetadata;
import dev.assay.server.index.description.DescriptionRenderer;
import dev.assay.server.index.description.RstRenderings;

/** Gathers what a project page or a release page shows. */
@Service
class ProjectPageService {

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final DependencyService dependencies;
    private final DescriptionRenderer renderer;
    private final RstRenderings rst;

    ProjectPageService(ProjectService projects, ReleaseLookup lookup, DependencyService dependencies,
            DescriptionRenderer renderer, RstRenderings rst) {
        this.rst = rst;
        this.projects = projects;
        this.lookup = lookup;
        this.dependencies = dependencies;
        this.renderer = renderer;
    }

    /** The project at its latest release, as this reader sees it (other projects it may not read left out). */
    ProjectPage latest(Reader reader, Project project) {
        List<Release> history = projects.releasesNewestFirst(project);
        return page(reader, project, latestOf(project, history), history);
    }

    /** The project at one release, as this reader sees it. */
    ProjectPage release(Reader reader, Project project, Release release) {
        return page(reader, project, Optional.of(release), projects.releasesNewestFirst(project));
    }

    private ProjectPage page(Reader reader, Project project, Optional<Release> shown, List<Release> history) {
        boolean latest = shown.isPresent() && shown.equals(latestOf(project, history));
        Optional<CoreMetadata> metadata = shown.map(ReleaseMetadata::of);
        String description = metadata.flatMap(CoreMetadata::description).orElse("");
        return new ProjectPage(project, shown, latest, shown.map(Release::summary).orElse(project.summary()),
                description, renderDescription(description, metadata, shown), history,
                shown.map(lookup::files).orElse(List.of()), metadata.map(ProjectPageService::facts).orElse(List.of()),
                metadata.map(ProjectPageService::links).orElse(List.of()), projects.members(project),
                shown.map(release -> dependencies.dependencies(reader, release)).orElse(List.of()),
                dependencies.dependentProjects(reader, project));
    }

    // what installers get; a project whose every release is held for review shows the one they will get
    private Optional<Release> latestOf(Project project, List<Release> history) {
        return ReleaseLookup.latestOf(lookup.installable(project, history)).or(() -> ReleaseLookup.latestOf(history));
    }

    /** Sanitised HTML for the description, or null when there is none. */
    private String renderDescription(String description, Optional<CoreMetadata> metadata, Optional<Release> shown) {
        if (description.isBlank()) {
            return null;
        }
        return renderer.render(description, metadata.flatMap(CoreMetadata::descriptionContentType).orElse(null),
                shown.flatMap(rst::find)).html();
    }

    private static List<ProjectPage.Fact> facts(CoreMetadata metadata) {
        List<ProjectPage.Fact> facts = new ArrayList<>();
        metadata.requiresPython().ifPresent(value -> facts.add(new ProjectPage.Fact("Requires Python", value)));
        metadata.licenseExpression().ifPresent(value -> facts.add(new ProjectPage.Fact("License", value)));
        if (metadata.licenseExpression().isEmpty()) {
            metadata.license().filter(value -> value.length() <= 200)
                    .ifPresent(value -> facts.add(new ProjectPage.Fact("License", value)));
        }
        metadata.author().ifPresent(value -> facts.add(new ProjectPage.Fact("Author", value)));
        if (!metadata.keywords().isEmpty()) {
            facts.add(new ProjectPage.Fact("Keywords", String.join(", ", metadata.keywords())));
        }
        if (!metadata.providesExtra().isEmpty()) {
            facts.add(new ProjectPage.Fact("Extras", String.join(", ", metadata.providesExtra())));
        }
        metadata.classifiers().forEach(value -> facts.add(new ProjectPage.Fact("Classifier", value)));
        return facts;
    }

    private static List<ProjectPage.Link> links(CoreMetadata metadata) {
        return ReleaseMetadata.projectUrls(metadata).entrySet().stream()
                .map(entry -> new ProjectPage.Link(entry.getKey(), entry.getValue(), isWebAddress(entry.getValue())))
                .toList();
    }

    /** Only http and https addresses become links: a {@code javascript:} URL in metadata must not run. */
    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
