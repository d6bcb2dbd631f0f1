package dev.assay.server.review.packagereview;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.assay.server.git.browse.SourceOverview;
import dev.assay.server.git.browse.SourceRef;
import dev.assay.server.git.browse.SourceService;
import dev.assay.server.index.Project;

/**
 * Where an iteration reads the project's repository: the tag naming its version ({@code 1.2} or {@code v1.2}) when
 * there is one, else the default branch, pinned to the commit it points at when the iteration is uploaded.
 */
@Component
class RepositoryPins {

    private final SourceService sources;

    RepositoryPins(SourceService sources) {
        this.sources = sources;
    }

    /** The pin for a new iteration of this version; empty before the first push. */
    Optional<RepositoryPin> pin(Project project, String version) {
        Optional<SourceOverview> overview = sources.overview(project);
        if (overview.isEmpty()) {
            return Optional.empty();
        }
        List<SourceRef> tags = overview.get().tags();
        Optional<SourceRef> chosen = Stream.of(version, "v" + version)
                .flatMap(name -> tags.stream().filter(tag -> tag.name().equals(name))).findFirst()
                .or(() -> overview.get().branches().stream().filter(SourceRef::isDefault).findFirst());
        return chosen.map(ref -> new RepositoryPin(ref.name(), ref.commit().id()));
    }
}
