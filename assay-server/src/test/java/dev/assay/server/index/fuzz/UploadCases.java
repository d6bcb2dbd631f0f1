package dev.assay.server.index.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Builds upload number {@code i} of a fuzzing run from the seed alone, so any case can be rebuilt: a real or
 * small synthetic wheel or sdist (a new version each time), then member, metadata, byte-level, zip or tar
 * header, form and (rarely) multipart body mutations; about one case in seven is left intact.
 */
final class UploadCases {

    /** Real wheels of the local PyPI mirror, small and pure, used when the mirror is there. */
    private static final List<String> REAL_WHEELS = List.of("Deprecated-1.2.18-py2.py3-none-any.whl",
            "PySocks-1.7.1-py3-none-any.whl", "StrEnum-0.4.15-py3-none-any.whl", "appdirs-1.4.4-py2.py3-none-any.whl",
            "backoff-2.2.1-py3-none-any.whl", "Flask_Login-0.6.3-py3-none-any.whl");
    private static final List<String> NAMES = List.of("fuzz-alpha", "Fuzz_Beta", "fuzz.gamma");

    /** One upload: the body to post and how it was made. */
    record Case(int iteration, String filename, byte[] body, List<String> mutations) {
        boolean intact() {
            return mutations.isEmpty();
        }
    }

    private final long seed;
    private final List<Path> realWheels;

    UploadCases(long seed, Path mirror) {
        this.seed = seed;
        this.realWheels = REAL_WHEELS.stream().map(mirror::resolve).filter(Files::isRegularFile).toList();
    }

    int realWheelCount() {
        return realWheels.size();
    }

    Case build(int iteration) {
        return build(iteration, true);
    }

    /** Case {@code iteration} without any mutation: a file the index must accept. */
    Case intact(int iteration) {
        return build(iteration, false);
    }

    private Case build(int iteration, boolean mutations) {
        Junk junk = new Junk(new Random(seed * 1_000_003L + iteration));
        Distribution dist = base(junk, iteration);
        boolean mutate = junk.below(7) != 0 && mutations;
        return mutate ? mutated(junk, iteration, dist) : new Case(iteration, dist.filename(),
                UploadForm.twine(dist, dist.metadata().orElse(""), packed(dist.pack(), dist.wheel)).body(), List.of());
    }

    private Case mutated(Junk junk, int iteration, Distribution dist) {
        List<String> mutations = new ArrayList<>();
        String metadata = dist.metadata().orElse("");
        byte[] pristine = packed(dist.pack(), dist.wheel);
        ArchiveMutations archive = new ArchiveMutations(junk);
        if (junk.chance(0.3)) {
            mutations.add(archive.mutateMembers(dist));
        }
        if (junk.chance(0.4) && dist.metadataIndex().isPresent()) {
            Junk.Mutated<byte[]> changed = new MetadataMutations(junk).mutate(metadata);
            dist.replaceMetadata(changed.value());
            mutations.add("metadata: " + changed.description());
        }
        byte[] content = rawMutations(junk, dist, mutations);
        // the form usually agrees with the (mutated) metadata, so that the checks behind the form's are reached
        String formMetadata = junk.chance(0.8) ? dist.metadata().orElse(metadata) : metadata;
        UploadForm form = UploadForm.twine(dist, formMetadata, content);
        FormMutations fields = new FormMutations(junk);
        while (junk.chance(0.35)) {
            mutations.add("form: " + fields.mutate(form, dist, pristine));
        }
        byte[] body = form.body();
        if (junk.chance(0.03)) {
            Junk.Mutated<byte[]> broken = junk.mutateBytes(body);
            body = broken.value();
            mutations.add("multipart body: " + broken.description());
        }
        if (mutations.isEmpty()) {
            mutations.add("form: " + fields.mutate(form, dist, pristine));
            body = form.body();
        }
        return new Case(iteration, dist.filename(), body, List.copyOf(mutations));
    }

    private Distribution base(Junk junk, int iteration) {
        int kind = junk.below(realWheels.isEmpty() ? 2 : 3);
        if (kind == 2) {
            Path real = junk.pick(realWheels);
            String version = real.getFileName().toString().split("-")[1] + "." + iteration;
            return Distribution.realWheel(real, version);
        }
        String name = junk.pick(NAMES);
        String version = "1.0." + iteration;
        String metadata = "Metadata-Version: 2.4\nName: " + name + "\nVersion: " + version + "\n"
                + "Summary: A package for the fuzzer\nRequires-Python: >=3.8\nRequires-Dist: requests>=2\n"
                + "Requires-Dist: tomli; python_version < \"3.11\"\nProvides-Extra: fast\n"
                + "Classifier: Programming Language :: Python :: 3\nLicense-Expression: MIT\n"
                + "Description-Content-Type: text/markdown\n\n# " + name + "\n\nSome *text*.\n";
        return Distribution.synthetic(kind == 0, name, version, metadata);
    }

    private static byte[] rawMutations(Junk junk, Distribution dist, List<String> mutations) {
        byte[] packed = dist.pack();
        if (junk.chance(0.25)) {
            Junk.Mutated<byte[]> changed = dist.wheel ? new ArchiveMutations(junk).mutateZipStructure(packed)
                    : new ArchiveMutations(junk).mutateTarHeader(packed);
            packed = changed.value();
            mutations.add(changed.description());
        }
        byte[] content = packed(packed, dist.wheel);
        if (junk.chance(0.2)) {
            Junk.Mutated<byte[]> changed = junk.mutateBytes(content);
            content = changed.value();
            mutations.add("file bytes: " + changed.description());
        }
        return content;
    }

    private static byte[] packed(byte[] archive, boolean wheel) {
        return wheel ? archive : Distribution.gzip(archive);
    }

    /** Writes a failing case's body and its description where a person can replay it with curl. */
    static void save(Path directory, String label, Case failed, String answer) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(label + ".multipart"), failed.body());
            Files.writeString(directory.resolve(label + ".txt"), String.join("\n", Stream.concat(Stream.of(
                    "file: " + failed.filename(), "answer: " + answer, "replay: curl -u __token__:TOKEN -H "
                    + "'Content-Type: multipart/form-data; boundary=" + UploadForm.BOUNDARY + "' --data-binary @"
                    + label + ".multipart http://HOST/legacy/"), failed.mutations().stream()).toList()) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
