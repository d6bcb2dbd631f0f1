package dev.assay.server.index;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.assay.packaging.version.Version;
import dev.assay.server.error.NotFoundException;

/** Finds the release a reader asked for: a version by PEP 440 equality, or the project's "latest" as PyPI picks it. */
@Service
public class ReleaseLookup {

    private final ReleaseRepository releases;
    private final FileRepository files;
    private final HeldReleases held;

    public ReleaseLookup(ReleaseRepository releases, FileRepository files, HeldReleases held) {
        this.releases = releases;
        this.files = files;
        this.held = held;
    }

    /**
     * The release PyPI calls latest: non-yanked before yanked, final releases before pre-releases, then the
     * highest version, of the releases not held for review (what installers get); empty when there is none.
     */
    public Optional<Release> latest(Project project) {
        return latestOf(installable(project, releases.list(project.id())));
    }

    /** Those of the project's {@code candidates} that are not held for review: what installers can get. */
    public List<Release> installable(Project project, List<Release> candidates) {
        Set<Long> holds = held.heldIn(project.id());
        return holds.isEmpty() ? candidates
                : candidates.stream().filter(release -> !holds.contains(release.id())).toList();
    }

    /** Whether the release is held for review now. */
    public boolean isHeld(Release release) {
        return held.isHeld(release.id());
    }

    /** The latest of these releases by {@link #latest(Project)}'s rule. */
    public static Optional<Release> latestOf(List<Release> candidates) {
        Comparator<Release> preference = Comparator
                .comparing(Release::yanked)
                .thenComparing(release -> Version.parse(release.version()).isPrerelease())
                .thenComparing(Comparator.comparing((Release release) -> Version.parse(release.version())).reversed());
        return candidates.stream().min(preference);
    }

    /**
     * The release a new one is compared with (its release diff, its behaviour diff): the highest release of a lower
     * version that is neither yanked nor held for review, since such a release is not what installers had; empty
     * for the first.
     */
    public Optional<Release> previous(Project project, Release release) {
        Optional<Version> version = Version.tryParse(release.version());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return installable(project, releases.list(project.id())).stream().filter(candidate -> !candidate.yanked())
                .filter(candidate -> Version.tryParse(candidate.version())
                        .filter(other -> other.compareTo(version.get()) < 0).isPresent())
                .max(Comparator.comparing(candidate -> Version.parse(candidate.version())));
    }

    /** The release whose version equals this one by PEP 440 ({@code 1.0} finds {@code 1.0.0}). */
    public Release release(Project project, String version) {
        Optional<Version> wanted = Version.tryParse(version);
        // no stored version holds a control character, and PostgreSQL refuses a NUL in any text it is sent
        Optional<Release> exact = version.chars().anyMatch(Character::isISOControl) ? Optional.empty()
                : releases.find(project.id(), version);
        if (exact.isPresent()) {
            return exact.get();
        }
        return wanted.flatMap(parsed -> releases.list(project.id()).stream()
                        .filter(release -> Version.parse(release.version()).equals(parsed))
                        .findFirst())
                .orElseThrow(() -> new NotFoundException("project '" + project.name() + "' has no release '"
                        + version + "'"));
    }

    /** The release's files, by file name. */
    public List<DistributionFile> files(Release release) {
        return files.listForRelease(release.id());
    }
}
