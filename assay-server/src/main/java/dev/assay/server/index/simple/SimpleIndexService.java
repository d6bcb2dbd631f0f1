package dev.assay.server.index.simple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.assay.packaging.filename.DistributionFileName;
import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Reader;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamProject;

/** What the Simple Repository API serves: the project list, and one project's versions and files. */
@Service
class SimpleIndexService {

    // PEP 440 order; a version that does not parse (legacy data) sorts first, by its text
    private static final Comparator<String> VERSION_ORDER = Comparator
            .comparing((String version) -> Version.tryParse(version).orElse(null),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());

    private final SimpleRepository repository;

    SimpleIndexService(SimpleRepository repository) {
        this.repository = repository;
    }

    /** The projects this reader may read: an outsider's list never names a private project. */
    List<SimpleRepository.ListedProject> projects(Reader reader) {
        return repository.projects(reader);
    }

    /** The PEP 503 normalised form of a name in a URL; a name no project could have is not found. */
    static String normalize(String requested) {
        if (!ProjectName.isValid(requested)) {
            throw notFound(requested);
        }
        return ProjectName.normalize(requested);
    }

    /** The project's page content, files ordered by version then name. */
    ProjectListing listing(String normalizedName) {
        List<SimpleRepository.Row> rows = repository.listing(normalizedName).orElseThrow(() -> notFound(normalizedName));
        Set<String> versions = new LinkedHashSet<>();
        List<ListedFile> files = new ArrayList<>();
        for (SimpleRepository.Row row : rows) {
            if (row.version() != null) {
                versions.add(row.version());
            }
            if (row.file() != null) {
                files.add(row.file());
            }
        }
        files.sort(Comparator.comparing(ListedFile::version, VERSION_ORDER).thenComparing(ListedFile::filename));
        SimpleRepository.Row project = rows.get(0);
        return new ProjectListing(project.normalizedName(), Optional.of(project.revision()),
                versions.stream().sorted(VERSION_ORDER).toList(), files);
    }

    /** The page of a project answered from upstream: its files as upstream lists them, ordered as hosted ones. */
    static ProjectListing upstreamListing(UpstreamProject project) {
        List<ListedFile> files = new ArrayList<>();
        for (UpstreamFile file : project.files()) {
            files.add(new ListedFile(file.filename(), versionOf(file.filename()), file.hashes(), file.size(),
                    file.requiresPython(), file.coreMetadata(), file.uploadTime(), file.yanked(), file.yankedReason()));
        }
        files.sort(Comparator.comparing(ListedFile::version, VERSION_ORDER).thenComparing(ListedFile::filename));
        List<String> versions = files.stream().map(ListedFile::version).filter(version -> !version.isEmpty())
                .distinct().toList();
        return new ProjectListing(project.normalizedName(), Optional.empty(), versions, files);
    }

    /** The version in a wheel's or sdist's name; empty for a name that is neither (an egg, an installer). */
    private static String versionOf(String filename) {
        try {
            return DistributionFileName.parse(filename).version().toString();
        } catch (RuntimeException notADistribution) {
            return "";
        }
    }

    static NotFoundException notFound(String name) {
        return new NotFoundException("there is no project named '" + name + "'");
    }

    /** A strong ETag: a page is fully determined by the project's revision and the format it is written in. */
    static String etag(Revision revision, SimpleFormat format) {
        return "\"simple-" + revision.projectId() + "." + revision.serial() + "-" + Objects.requireNonNull(format).tag()
                + "\"";
    }
}
