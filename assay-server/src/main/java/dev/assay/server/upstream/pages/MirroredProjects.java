package dev.assay.server.upstream.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.filename.DistributionFileName;
import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamIndex;
import dev.assay.server.upstream.UpstreamProject;
import dev.assay.server.upstream.rules.NameDecision;
import dev.assay.server.upstream.rules.UpstreamNames;

/**
 * The page of a name this index does not host: what upstream lists for it, or — for a name reserved here or outside
 * the allow list — a 404 saying so. A hosted name (in any visibility) never gets one: its own page, or its 404, stays.
 */
@Service
public class MirroredProjects {

    private static final String UNKNOWN_VERSION = "other files";

    private final UpstreamNames names;
    private final UpstreamIndex index;

    public MirroredProjects(UpstreamNames names, UpstreamIndex index) {
        this.names = names;
        this.index = index;
    }

    /**
     * The page of {@code name} when an upstream lists it; empty when the name is hosted here, not a project name,
     * or unknown upstream. A reserved name is a 404 saying it is reserved; upstream failing with nothing cached a
     * 502 naming the upstream.
     */
    public Optional<MirroredProjectPage> page(String name) {
        if (!ProjectName.isValid(name)) {
            return Optional.empty();
        }
        String normalized = ProjectName.normalize(name);
        NameDecision decision = names.decide(normalized);
        switch (decision.verdict()) {
            case HOSTED:
                return Optional.empty();
            case RESERVED:
            case NOT_ALLOWED:
                throw new NotFoundException("The name '" + normalized + "' is reserved on this index: it is not taken "
                        + "from upstream" + decision.rule().flatMap(rule -> rule.reason()).map(why -> " (" + why + ")")
                                .orElse(""));
            default:
                return index.project(normalized).map(MirroredProjects::page);
        }
    }

    private static MirroredProjectPage page(UpstreamProject project) {
        Map<String, List<UpstreamFile>> byVersion = new LinkedHashMap<>();
        for (UpstreamFile file : project.files()) {
            byVersion.computeIfAbsent(version(file.filename()), version -> new ArrayList<>()).add(file);
        }
        Comparator<MirroredProjectPage.Release> newestFirst = Comparator.comparing(
                (MirroredProjectPage.Release release) -> Version.tryParse(release.version()).orElse(null),
                Comparator.nullsLast(Comparator.<Version>reverseOrder()));
        List<MirroredProjectPage.Release> releases = byVersion.entrySet().stream()
                .map(entry -> new MirroredProjectPage.Release(entry.getKey(), entry.getValue()))
                .sorted(newestFirst).toList();
        return new MirroredProjectPage(project.normalizedName(), project.upstream().url(), releases,
                project.quarantined(), project.fetchedAt(), project.stale());
    }

    private static String version(String filename) {
        try {
            return DistributionFileName.parse(filename).version().toString();
        } catch (PackagingException | IllegalArgumentException unparsable) {
            return UNKNOWN_VERSION;
        }
    }
}
