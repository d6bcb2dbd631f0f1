package dev.assay.server.pipeline.wheelhouse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.filename.WheelFileName;
import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.packaging.tags.SupportedTags;
import dev.assay.packaging.version.SpecifierSet;
import dev.assay.packaging.version.Version;
import dev.assay.server.error.BadGatewayException;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse.Picked;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse.Staged;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse.Unresolved;
import dev.assay.server.upstream.MirroredFiles;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamIndex;
import dev.assay.server.upstream.UpstreamProject;

/**
 * The wheelhouse's upstream side: a requirement on a name this index does not host resolves, as hosted ones do, to
 * the newest non-yanked version upstream lists (after the name rules and the quarantine) that satisfies it and has a
 * wheel the worker's Python can install, fetched and kept through {@link MirroredFiles}. An upstream failure makes
 * the requirement unresolved, never the pipeline.
 */
@Component
class UpstreamWheels {

    /** What a requirement resolved to upstream: the wheel fetched and kept, or why there is none. */
    record Choice(Optional<Picked> picked, Optional<Unresolved> unresolved) {

        static Choice of(Picked picked) {
            return new Choice(Optional.of(picked), Optional.empty());
        }

        static Choice missing(Unresolved unresolved) {
            return new Choice(Optional.empty(), Optional.of(unresolved));
        }
    }

    static final String UPSTREAM_FAILED = "upstream-failed";

    private final UpstreamIndex index;
    private final MirroredFiles files;

    UpstreamWheels(UpstreamIndex index, MirroredFiles files) {
        this.index = index;
        this.files = files;
    }

    /**
     * The wheel {@code requirement} resolves to upstream for {@code environment} (whose tags are {@code tags}), or
     * why there is none: {@value IndexWheelhouse#NOT_IN_INDEX} when no upstream lists a satisfying wheel (a name this
     * index hosts, reserves or does not allow included), {@value IndexWheelhouse#NO_COMPATIBLE_WHEEL}, or
     * {@value #UPSTREAM_FAILED} when upstream cannot be reached and nothing is cached.
     */
    Choice resolve(Requirement requirement, SupportedTags tags, MarkerEnvironment environment) {
        Optional<UpstreamProject> listed;
        try {
            listed = index.project(requirement.normalizedName());
        } catch (BadGatewayException failed) {
            return Choice.missing(new Unresolved(requirement.toString(), UPSTREAM_FAILED,
                    "cannot be looked up upstream, and no copy is cached: " + failed.getMessage()));
        }
        if (listed.isEmpty()) {
            return Choice.missing(new Unresolved(requirement.toString(), IndexWheelhouse.NOT_IN_INDEX,
                    IndexWheelhouse.NOT_IN_INDEX_REASON));
        }
        UpstreamProject project = listed.get();
        Map<Version, List<Wheel>> satisfying = satisfying(requirement, project, environment);
        for (List<Wheel> wheels : satisfying.values()) {
            Optional<Wheel> best = tags.best(wheels, Wheel::name);
            if (best.isPresent()) {
                return fetch(requirement, project, best.get());
            }
        }
        return Choice.missing(unresolved(requirement, project, satisfying, tags));
    }

    /**
     * Whether {@code filename} is a wheel a pipeline may stage from upstream: a non-yanked wheel of a name this
     * index does not host, as upstream lists it now (the name rules and the quarantine applied).
     */
    Optional<UpstreamProject> listing(String filename) {
        WheelFileName wheel;
        try {
            wheel = WheelFileName.parse(filename);
        } catch (PackagingException notAWheel) {
            return Optional.empty();
        }
        try {
            return index.project(wheel.name().normalized()).filter(project -> project.files().stream()
                    .anyMatch(file -> file.filename().equals(filename) && !file.yanked()));
        } catch (BadGatewayException failed) {
            return Optional.empty();
        }
    }

    private record Wheel(UpstreamFile file, WheelFileName name) {
    }

    private Choice fetch(Requirement requirement, UpstreamProject project, Wheel wheel) {
        Path kept;
        String sha256;
        try {
            kept = files.fetch(project, wheel.file());
            sha256 = wheel.file().sha256().orElseGet(() -> sha256(kept));
        } catch (BadGatewayException failed) {
            return Choice.missing(new Unresolved(requirement.toString(), UPSTREAM_FAILED, "resolves to "
                    + wheel.file().filename() + " upstream, which cannot be fetched: " + failed.getMessage()));
        }
        Staged staged = new Staged(requirement.toString(), project.normalizedName(),
                wheel.name().version().toString(), wheel.file().filename(), project.upstream().url());
        return Choice.of(new Picked(staged, kept, sha256));
    }

    // Newest version first; pip skips a file whose Requires-Python excludes the worker's, and so does the resolver.
    private static Map<Version, List<Wheel>> satisfying(Requirement requirement, UpstreamProject project,
            MarkerEnvironment environment) {
        Optional<Version> python = Version.tryParse(environment.pythonFullVersion());
        Map<Version, List<Wheel>> byVersion = new TreeMap<>(Comparator.reverseOrder());
        for (UpstreamFile file : project.files()) {
            Optional<WheelFileName> name = wheelName(file.filename());
            if (file.yanked() || name.isEmpty() || !name.get().name().normalized().equals(project.normalizedName())
                    || !requirement.specifier().contains(name.get().version())
                    || !pythonAllowed(file.requiresPython(), python)) {
                continue;
            }
            byVersion.computeIfAbsent(name.get().version(), version -> new ArrayList<>())
                    .add(new Wheel(file, name.get()));
        }
        return byVersion;
    }

    private static Unresolved unresolved(Requirement requirement, UpstreamProject project,
            Map<Version, List<Wheel>> satisfying, SupportedTags tags) {
        String upstream = "upstream " + project.upstream().url();
        if (satisfying.isEmpty()) {
            String quarantined = project.quarantined() == 0 ? ""
                    : " (" + project.quarantined() + " of its files there are quarantined)";
            return new Unresolved(requirement.toString(), IndexWheelhouse.NOT_IN_INDEX,
                    "cannot be satisfied by this index or by " + upstream + quarantined);
        }
        List<String> wheels = satisfying.values().stream().flatMap(List::stream).map(wheel -> wheel.file().filename())
                .toList();
        return new Unresolved(requirement.toString(), IndexWheelhouse.NO_COMPATIBLE_WHEEL, "has no wheel for "
                + tags.target().describe() + " on " + upstream + ": its wheels are " + IndexWheelhouse.named(wheels));
    }

    private static Optional<WheelFileName> wheelName(String filename) {
        try {
            return Optional.of(WheelFileName.parse(filename));
        } catch (PackagingException notAWheel) {
            return Optional.empty();
        }
    }

    // An unparseable Requires-Python is ignored, as pip ignores it.
    private static boolean pythonAllowed(Optional<String> requiresPython, Optional<Version> python) {
        if (requiresPython.isEmpty() || python.isEmpty()) {
            return true;
        }
        try {
            return SpecifierSet.parse(requiresPython.get()).contains(python.get());
        } catch (PackagingException invalid) {
            return true;
        }
    }

    // Upstream gave no SHA-256 (a PEP 503 page may give another hash or none): the worker still checks its download.
    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the kept file " + file, unreadable);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
