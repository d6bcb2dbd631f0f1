package dev.assay.server.index.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.server.index.Project;
import dev.assay.server.index.Reader;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseRepository;

/**
 * The dependency graph as readers see it: what a release requires, and which projects here require a project; a
 * private project shows up on either side only for those who may read it.
 */
@Service
public class DependencyService {

    private final ReleaseRepository releases;
    private final BrowseRepository browse;

    DependencyService(ReleaseRepository releases, BrowseRepository browse) {
        this.releases = releases;
        this.browse = browse;
    }

    /** The release's requirements in the order its metadata lists them. */
    public List<DependencyView> dependencies(Reader reader, Release release) {
        List<ReleaseRepository.Dependency> rows = releases.dependencies(release.id());
        Set<String> hosted = browse.hostedDependencies(reader, release.id());
        return rows.stream().map(row -> view(row, hosted.contains(row.dependencyName()))).toList();
    }

    /** Every release in this index that requires the project, of the projects the reader may read. */
    public List<ReleaseRepository.Dependent> dependents(Reader reader, Project project) {
        return releases.dependents(project.normalizedName(), reader);
    }

    /** The dependents grouped by project, each with the versions that require it. */
    public List<DependentProject> dependentProjects(Reader reader, Project project) {
        Map<String, DependentProject> byProject = new LinkedHashMap<>();
        for (ReleaseRepository.Dependent dependent : dependents(reader, project)) {
            byProject.computeIfAbsent(dependent.normalizedName(), key -> new DependentProject(dependent.projectName(),
                    dependent.normalizedName(), new ArrayList<>())).versions().add(dependent.version());
        }
        return byProject.values().stream()
                .map(found -> new DependentProject(found.name(), found.normalizedName(), List.copyOf(found.versions())))
                .toList();
    }

    private static DependencyView view(ReleaseRepository.Dependency row, boolean hosted) {
        try {
            Requirement requirement = Requirement.parse(row.requirement());
            return new DependencyView(row.requirement(), requirement.name().display(), requirement.normalizedName(),
                    List.copyOf(requirement.extras()), requirement.specifier().toString(),
                    requirement.url().orElse(null), requirement.marker().map(Object::toString).orElse(null), hosted);
        } catch (PackagingException unparsable) {
            // rows were parsed at upload; an older parser's leniency must not break the page
            return new DependencyView(row.requirement(), row.dependencyName(), row.dependencyName(), List.of(), "",
                    null, null, hosted);
        }
    }
}
