package dev.assay.server.index.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.FileRepository;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.ReleaseMetadata;

/** Builds PyPI's JSON API answers from a project's releases, files and stored core metadata. */
@Service
class PypiJsonService {

    private static final DateTimeFormatter UPLOAD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final FileRepository files;

    PypiJsonService(ProjectService projects, ReleaseLookup lookup, FileRepository files) {
        this.projects = projects;
        this.lookup = lookup;
        this.files = files;
    }

    /** The project at its latest release, with every release's files. */
    ProjectJson project(Project project, String baseUrl) {
        Release latest = lookup.latest(project).orElseThrow(() -> new NotFoundException(
                "project '" + project.name() + "' has no releases yet"));
        return answer(project, latest, baseUrl, true);
    }

    /** One release of the project, without the other releases; a release held for review is not installable yet. */
    ProjectJson release(Project project, Release release, String baseUrl) {
        if (lookup.isHeld(release)) {
            throw new NotFoundException("version " + release.version() + " of " + project.normalizedName()
                    + " is held for review");
        }
        return answer(project, release, baseUrl, false);
    }

    private ProjectJson answer(Project project, Release shown, String baseUrl, boolean allReleases) {
        Map<Long, List<DistributionFile>> filesByRelease = new LinkedHashMap<>();
        for (DistributionFile file : files.listForProject(project.id())) {
            filesByRelease.computeIfAbsent(file.releaseId(), id -> new ArrayList<>()).add(file);
        }
        Map<String, List<FileJson>> releases = new LinkedHashMap<>();
        for (Release release : lookup.installable(project, projects.releasesNewestFirst(project))) {
            releases.put(release.version(), filesByRelease.getOrDefault(release.id(), List.of()).stream()
                    .map(file -> file(project, release, file, baseUrl)).toList());
        }
        return new ProjectJson(info(project, shown, baseUrl), project.lastSerial(), allReleases ? releases : null,
                releases.get(shown.version()), List.of());
    }

    private static InfoJson info(Project project, Release release, String baseUrl) {
        CoreMetadata metadata = ReleaseMetadata.of(release);
        String projectUrl = baseUrl + "project/" + project.normalizedName() + "/";
        Map<String, String> urls = ReleaseMetadata.projectUrls(metadata);
        return new InfoJson(project.name(), release.version(), metadata.summary().orElse(null),
                metadata.description().orElse(null), metadata.descriptionContentType().orElse(null),
                metadata.author().orElse(null), metadata.authorEmail().orElse(null),
                metadata.maintainer().orElse(null), metadata.maintainerEmail().orElse(null),
                metadata.license().orElse(null), metadata.licenseExpression().orElse(null),
                orNull(metadata.licenseFiles()),
                metadata.keywords().isEmpty() ? null : String.join(",", metadata.keywords()),
                metadata.classifiers(),
                metadata.platforms().isEmpty() ? null : String.join(", ", metadata.platforms()),
                metadata.homePage().orElse(null), metadata.downloadUrl().orElse(null), projectUrl,
                urls.isEmpty() ? null : urls, projectUrl, projectUrl + release.version() + "/",
                orNull(metadata.requiresDist()), metadata.requiresPython().orElse(null),
                orNull(metadata.providesExtra()), orNull(metadata.dynamic()), release.yanked(),
                release.yankedReason().filter(reason -> !reason.isEmpty()).orElse(null), null, null,
                Map.of("last_day", -1, "last_week", -1, "last_month", -1));
    }

    private static FileJson file(Project project, Release release, DistributionFile file, String baseUrl) {
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("md5", file.md5());
        digests.put("sha256", file.sha256());
        digests.put("blake2b_256", file.blake2b256());
        return new FileJson(file.filename(), baseUrl + "files/" + project.normalizedName() + "/" + file.filename(),
                file.packageType(), file.pythonVersion(), release.requiresPython().orElse(null), file.size(), digests,
                file.md5(), UPLOAD_TIME.format(file.uploadedAt()), isoTime(file.uploadedAt()), release.yanked(),
                release.yankedReason().filter(reason -> !reason.isEmpty()).orElse(null), false, "", -1);
    }

    /** Python's {@code isoformat() + "Z"}: microseconds only when there are any. */
    static String isoTime(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        String pattern = micros.getNano() == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'";
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(micros);
    }

    private static List<String> orNull(List<String> values) {
        return values.isEmpty() ? null : values;
    }
}
