package dev.assay.server.pipeline.wheelhouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.ArchiveLimits;
import dev.assay.packaging.archive.DistributionMetadata;
import dev.assay.packaging.filename.WheelFileName;
import dev.assay.packaging.metadata.MetadataParser;
import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.packaging.tags.SupportedTags;
import dev.assay.packaging.tags.TargetPython;
import dev.assay.packaging.version.Version;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.index.FileRepository;
import dev.assay.server.index.HeldReleases;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.upstream.files.UpstreamFileCache;

/**
 * Stages a release's dependencies from this index and, for the names it does not host, its upstreams (see
 * {@link UpstreamWheels}): its {@code Requires-Dist}, evaluated for the worker's Python, each resolved to the newest
 * non-yanked release that satisfies it and has a wheel the worker's Python can install (of several, the one pip
 * prefers: see {@link SupportedTags}), recursively. What neither can satisfy is reported. Private projects are
 * staged only for a private project's pipeline.
 */
@Component
public class IndexWheelhouse {

    /**
     * A dependency wheel copied into the wheelhouse, the requirement that asked for it, and the URL of the upstream
     * it came from ({@code null} when this index hosts it).
     */
    public record Staged(String requirement, String project, String version, String filename, String upstream) {
    }

    /** What was staged, and the requirements the index cannot satisfy. */
    public record Resolution(List<Staged> staged, List<Unresolved> unresolved) {
    }

    /**
     * A requirement the index cannot satisfy: {@code code} {@value #NOT_IN_INDEX} when no release of a project it
     * may stage satisfies it, {@value #NO_COMPATIBLE_WHEEL} when the satisfying releases' wheels are all for another
     * Python or platform; {@code reason} says so for people, following the requirement.
     */
    public record Unresolved(String requirement, String code, String reason) {
    }

    static final String NOT_IN_INDEX = "not-in-index";
    static final String NO_COMPATIBLE_WHEEL = "no-compatible-wheel";
    static final String NOT_IN_INDEX_REASON = "cannot be satisfied by this index";
    // How many of a project's incompatible wheels a reason names.
    private static final int WHEELS_NAMED = 3;

    private final ProjectRepository projects;
    private final ReleaseRepository releases;
    private final FileRepository files;
    private final DistributionStore store;
    private final UpstreamWheels upstream;
    private final UpstreamFileCache mirrored;
    private final HeldReleases held;

    IndexWheelhouse(ProjectRepository projects, ReleaseRepository releases, FileRepository files,
            DistributionStore store, UpstreamWheels upstream, UpstreamFileCache mirrored, HeldReleases held) {
        this.held = held;
        this.projects = projects;
        this.releases = releases;
        this.files = files;
        this.store = store;
        this.upstream = upstream;
        this.mirrored = mirrored;
    }

    /**
     * A release staged in place of the one the resolver would choose for a requirement naming its project: the new
     * release a downstream re-test installs, even while its project is held for review (never a private project's
     * into a public project's pipeline).
     */
    public record Pin(String project, String version) {
    }

    /** The stored sdist of the release, if it has one. */
    public Optional<Path> sdistOf(String project, String version) {
        return sdistFile(project, version).map(file -> store.locate(project, file.filename()));
    }

    /** The release's sdist, if it has one. */
    public Optional<DistributionFile> sdistFile(String project, String version) {
        return release(project, version).flatMap(release -> files.listForRelease(release.id()).stream()
                .filter(file -> "sdist".equals(file.packageType())).findFirst());
    }

    /** The stored file named {@code filename}, if any. */
    public Optional<DistributionFile> file(String filename) {
        return files.findByFilename(filename);
    }

    /** A dependency wheel the resolver picked: where the store keeps it, and its digest. */
    public record Picked(Staged staged, Path stored, String sha256) {
    }

    /** What the resolver picked, and the requirements the index cannot satisfy. */
    public record Picks(List<Picked> picked, List<Unresolved> unresolved) {
    }

    /**
     * Copies the dependency wheels of {@code project} {@code version} into {@code wheelhouse}: those the index knows
     * and those {@code wheel} — the wheel under test, uploaded or built from the release's sdist — requires, since
     * that wheel's metadata is what pip reads, and an sdist's PKG-INFO may list none.
     */
    public Resolution stageForRelease(String project, String version, Path wheel, MarkerEnvironment environment,
            Path wheelhouse) throws IOException {
        return stageForRelease(project, version, wheel, environment, wheelhouse, Optional.empty());
    }

    /** Copies as {@link #stageForRelease(String, String, Path, MarkerEnvironment, Path)} does, staging {@code pin}. */
    public Resolution stageForRelease(String project, String version, Path wheel, MarkerEnvironment environment,
            Path wheelhouse, Optional<Pin> pin) throws IOException {
        return copy(pick(project, version, requiresDistOf(wheel), environment, pin), wheelhouse);
    }

    /**
     * Copies the dependency wheels that {@code wheel}, built from a commit of {@code project}, requires into
     * {@code wheelhouse}: a commit has no release whose dependencies the index knows, and a wheel's metadata,
     * unlike an sdist's PKG-INFO, always lists them.
     */
    public Resolution stageForWheel(String project, Path wheel, MarkerEnvironment environment, Path wheelhouse)
            throws IOException {
        return copy(pick(project, requiresDistOf(wheel), environment), wheelhouse);
    }

    /**
     * Copies the wheels that {@code requirements} (the build requirements of a source of {@code project}) resolve to
     * into {@code wheelhouse}.
     */
    public Resolution stageRequirements(String project, List<String> requirements, MarkerEnvironment environment,
            Path wheelhouse) throws IOException {
        return copy(pick(project, requirements, environment), wheelhouse);
    }

    /**
     * The valid {@code Requires-Dist} of a wheel file, none when its metadata is unreadable: a wheel built from a
     * package's sources may be broken, and pip's install then fails with its own message, the package's failure.
     */
    public static List<String> requiresDistOf(Path wheel) {
        try {
            String filename = wheel.getFileName().toString();
            byte[] metadata = DistributionMetadata.wheelMetadata(wheel, WheelFileName.parse(filename),
                    ArchiveLimits.defaults());
            return MetadataParser.parse(metadata).requiresDist().stream().filter(IndexWheelhouse::parses).toList();
        } catch (PackagingException unreadable) {
            return List.of();
        }
    }

    private static boolean parses(String requirement) {
        try {
            Requirement.parse(requirement);
            return true;
        } catch (PackagingException invalid) {
            return false;
        }
    }

    /**
     * The wheels the dependencies of {@code project} {@code version} resolve to: as the index knows them, and as
     * {@code wheelRequires} (the {@code Requires-Dist} of the wheel under test) lists them.
     */
    public Picks pick(String project, String version, List<String> wheelRequires, MarkerEnvironment environment) {
        return pick(project, version, wheelRequires, environment, Optional.empty());
    }

    /** The wheels as {@link #pick(String, String, List, MarkerEnvironment)} picks them, {@code pin} staged. */
    public Picks pick(String project, String version, List<String> wheelRequires, MarkerEnvironment environment,
            Optional<Pin> pin) {
        List<Requirement> roots = release(project, version)
                .map(release -> rootRequirements(project, release, wheelRequires, environment))
                .orElseGet(() -> applicable(wheelRequires, Set.of(), environment));
        return resolve(project, roots, environment, pin);
    }

    /**
     * The wheels {@code requiresDist} resolve to: a wheel's built from a commit of {@code project}, or the build
     * requirements of one of its sources.
     */
    public Picks pick(String project, List<String> requiresDist, MarkerEnvironment environment) {
        return resolve(project, applicable(requiresDist, Set.of(), environment), environment, Optional.empty());
    }

    /**
     * Whether a pipeline of {@code project} may stage a wheel of {@code dependency}: the rule the resolver
     * follows, for a worker that asks for a file it was given.
     */
    boolean mayStage(String project, String dependency) {
        boolean privateRoot = projects.findByNormalizedName(project).map(Project::isPrivate).orElse(false);
        return projects.findByNormalizedName(dependency).filter(found -> privateRoot || !found.isRestricted()).isPresent();
    }

    /**
     * Where the store keeps {@code filename} if a pipeline of {@code project} stages it: a wheel of a release of
     * a project it may stage (see {@link #mayStage}), or of a name this index does not host as upstream lists it
     * now, already kept (the resolver fetched it: a worker's download never fetches from upstream); empty otherwise.
     */
    public Optional<Path> stageable(String project, String filename) {
        return stageable(project, filename, Optional.empty());
    }

    /** Where the store keeps {@code filename}: as {@link #stageable(String, String)} says, or {@code pin}'s wheel. */
    public Optional<Path> stageable(String project, String filename, Optional<Pin> pin) {
        Optional<Path> pinned = pin.flatMap(release -> pinnedRelease(project, release))
                .flatMap(candidate -> wheels(candidate.release()).stream()
                        .filter(file -> file.filename().equals(filename)).findFirst()
                        .map(file -> store.locate(candidate.project().normalizedName(), file.filename())));
        return pinned.isPresent() ? pinned : ordinarilyStageable(project, filename);
    }

    private Optional<Path> ordinarilyStageable(String project, String filename) {
        WheelFileName wheel;
        try {
            wheel = WheelFileName.parse(filename);
        } catch (RuntimeException notAWheel) {
            return Optional.empty();
        }
        String dependency = wheel.name().normalized();
        if (projects.findByNormalizedName(dependency).isEmpty()) {
            return upstream.listing(filename).flatMap(listed -> mirrored.kept(listed.normalizedName(), filename));
        }
        if (!mayStage(project, dependency)) {
            return Optional.empty();
        }
        Project owner = projects.findByNormalizedName(dependency).orElseThrow();
        Set<Long> ownReleases = new HashSet<>();
        releases.list(owner.id()).forEach(release -> ownReleases.add(release.id()));
        return files.findByFilename(filename).filter(file -> ownReleases.contains(file.releaseId()))
                .map(file -> store.locate(owner.normalizedName(), file.filename()));
    }

    private static Resolution copy(Picks picks, Path wheelhouse) throws IOException {
        Files.createDirectories(wheelhouse);
        for (Picked picked : picks.picked()) {
            Files.copy(picked.stored(), wheelhouse.resolve(picked.staged().filename()));
        }
        return new Resolution(picks.picked().stream().map(Picked::staged).toList(), picks.unresolved());
    }

    private Picks resolve(String project, List<Requirement> roots, MarkerEnvironment environment, Optional<Pin> pin) {
        List<Picked> picked = new ArrayList<>();
        List<Unresolved> unresolved = new ArrayList<>();
        SupportedTags tags = SupportedTags.of(TargetPython.of(environment));
        Set<String> seen = new HashSet<>(Set.of(project));
        Deque<Requirement> pending = new ArrayDeque<>(roots);
        boolean privateRoot = projects.findByNormalizedName(project).map(Project::isPrivate).orElse(false);
        while (!pending.isEmpty()) {
            Requirement requirement = pending.poll();
            // The first requirement naming a project decides its version; there is no backtracking.
            if (!seen.add(requirement.normalizedName())) {
                continue;
            }
            UpstreamWheels.Choice choice = pinned(project, requirement, pin, tags)
                    .orElseGet(() -> choose(requirement, privateRoot, tags, environment));
            choice.unresolved().ifPresent(unresolved::add);
            choice.picked().ifPresent(chosen -> {
                picked.add(chosen);
                pending.addAll(applicable(requiresDist(chosen.stored()), requirement.extras(), environment));
            });
        }
        return new Picks(picked, unresolved);
    }

    // A name this index does not host (or that this pipeline may not stage: upstream refuses hosted names too) is
    // looked up upstream; a direct URL never is.
    private UpstreamWheels.Choice choose(Requirement requirement, boolean privateRoot, SupportedTags tags,
            MarkerEnvironment environment) {
        Optional<Project> dependency = stageableProject(requirement, privateRoot);
        if (dependency.isEmpty() && requirement.url().isEmpty()) {
            return upstream.resolve(requirement, tags, environment);
        }
        Optional<Candidate> found = dependency.flatMap(stageable -> newestWheel(requirement, stageable, tags));
        if (found.isEmpty()) {
            return UpstreamWheels.Choice.missing(unresolved(requirement, dependency, tags));
        }
        Candidate candidate = found.get();
        return UpstreamWheels.Choice.of(new Picked(new Staged(requirement.toString(), candidate.project().name(),
                candidate.release().version(), candidate.wheel().filename(), null),
                store.locate(candidate.project().normalizedName(), candidate.wheel().filename()),
                candidate.wheel().sha256()));
    }

    private record Candidate(Project project, Release release, DistributionFile wheel) {
    }

    private record PinnedRelease(Project project, Release release) {
    }

    // The pinned release answers a requirement naming its project whatever the newest release is; a pin whose
    // project is not stageable for this pipeline leaves the requirement to the ordinary rule.
    private Optional<UpstreamWheels.Choice> pinned(String project, Requirement requirement, Optional<Pin> pin,
            SupportedTags tags) {
        return pin.filter(release -> requirement.url().isEmpty()
                        && release.project().equals(requirement.normalizedName()))
                .flatMap(release -> pinnedRelease(project, release))
                .flatMap(found -> tags.best(wheels(found.release()), file -> WheelFileName.parse(file.filename()))
                        .map(wheel -> UpstreamWheels.Choice.of(new Picked(new Staged(requirement.toString(),
                                found.project().name(), found.release().version(), wheel.filename(), null),
                                store.locate(found.project().normalizedName(), wheel.filename()), wheel.sha256()))));
    }

    // Held for review is no bar to a re-test: the re-test is how its review learns what it breaks.
    private Optional<PinnedRelease> pinnedRelease(String project, Pin pin) {
        boolean privateRoot = projects.findByNormalizedName(project).map(Project::isPrivate).orElse(false);
        return projects.findByNormalizedName(pin.project()).filter(found -> privateRoot || !found.isPrivate())
                .flatMap(found -> releases.find(found.id(), pin.version())
                        .map(release -> new PinnedRelease(found, release)));
    }

    // A public project's pipeline, which anyone may read, never stages a private or held project's code: its logs
    // and traces would show it. The requirement then reads as not in the index, which does not reveal the project.
    private Optional<Project> stageableProject(Requirement requirement, boolean privateRoot) {
        if (requirement.url().isPresent()) {
            return Optional.empty();
        }
        return projects.findByNormalizedName(requirement.normalizedName())
                .filter(found -> privateRoot || !found.isRestricted());
    }

    // An older release is tried when the newer ones have no wheel the worker's Python can install, as pip would.
    private Optional<Candidate> newestWheel(Requirement requirement, Project project, SupportedTags tags) {
        for (Release release : satisfying(requirement, project)) {
            Optional<DistributionFile> wheel = tags.best(wheels(release), file -> WheelFileName.parse(file.filename()));
            if (wheel.isPresent()) {
                return Optional.of(new Candidate(project, release, wheel.get()));
            }
        }
        return Optional.empty();
    }

    private Unresolved unresolved(Requirement requirement, Optional<Project> project, SupportedTags tags) {
        List<String> wheels = project.stream().flatMap(found -> satisfying(requirement, found).stream())
                .flatMap(release -> wheels(release).stream()).map(DistributionFile::filename).toList();
        if (wheels.isEmpty()) {
            return new Unresolved(requirement.toString(), NOT_IN_INDEX, NOT_IN_INDEX_REASON);
        }
        return new Unresolved(requirement.toString(), NO_COMPATIBLE_WHEEL, "has no wheel for "
                + tags.target().describe() + " in this index: its wheels are " + named(wheels));
    }

    /** The first few of {@code wheels}, and how many more there are. */
    static String named(List<String> wheels) {
        return String.join(", ", wheels.subList(0, Math.min(WHEELS_NAMED, wheels.size())))
                + (wheels.size() > WHEELS_NAMED ? " and " + (wheels.size() - WHEELS_NAMED) + " more" : "");
    }

    // a release held for review is not installable, so no pipeline resolves to it (a re-test's pin aside)
    private List<Release> satisfying(Requirement requirement, Project project) {
        Set<Long> heldReleases = held.heldIn(project.id());
        return releases.list(project.id()).stream()
                .filter(release -> !release.yanked() && !heldReleases.contains(release.id()))
                .filter(release -> Version.tryParse(release.version())
                        .map(v -> requirement.specifier().contains(v)).orElse(false))
                .sorted(Comparator.comparing((Release release) -> Version.parse(release.version())).reversed())
                .toList();
    }

    // Upload checked every stored wheel's name, so each parses.
    private List<DistributionFile> wheels(Release release) {
        return files.listForRelease(release.id()).stream()
                .filter(file -> "bdist_wheel".equals(file.packageType())).toList();
    }

    // A release's dependency rows come from its first file, and an sdist's PKG-INFO may omit Requires-Dist;
    // its wheels' metadata, and the wheel under test's above all, is what pip will read.
    private List<Requirement> rootRequirements(String project, Release release, List<String> wheelRequires,
            MarkerEnvironment environment) {
        Set<String> texts = new LinkedHashSet<>();
        releases.dependencies(release.id()).forEach(dependency -> texts.add(dependency.requirement()));
        wheels(release).forEach(wheel -> texts.addAll(requiresDist(store.locate(project, wheel.filename()))));
        texts.addAll(wheelRequires);
        return applicable(List.copyOf(texts), Set.of(), environment);
    }

    // A hosted wheel's metadata was checked at upload; an upstream wheel's invalid requirements are left out.
    private static List<String> requiresDist(Path wheel) {
        return Files.isRegularFile(wheel) ? requiresDistOf(wheel) : List.of();
    }

    private static List<Requirement> applicable(List<String> texts, Set<String> extras, MarkerEnvironment environment) {
        return texts.stream().map(Requirement::parse)
                .filter(requirement -> requirement.appliesTo(environment)
                        || extras.stream().anyMatch(extra -> requirement.appliesTo(environment.withExtra(extra))))
                .toList();
    }

    private Optional<Release> release(String project, String version) {
        return projects.findByNormalizedName(project).flatMap(found -> releases.find(found.id(), version));
    }
}
