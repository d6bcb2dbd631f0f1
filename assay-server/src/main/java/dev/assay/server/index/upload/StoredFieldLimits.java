package dev.assay.server.index.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.assay.packaging.metadata.CoreMetadata;
import dev.assay.server.error.InvalidInputException;

/**
 * Refuses an upload whose metadata the index cannot keep: more {@code Requires-Dist} entries than it lists, or a
 * stored field longer than its column (the sizes of migration V2). Checked before anything is written, so such a
 * file is a 400 naming the field, never a database error.
 */
final class StoredFieldLimits {

    /** The most {@code Requires-Dist} entries one file may declare (PyPI's largest real packages list a few hundred). */
    static final int MAX_REQUIREMENTS = 1_000;

    private StoredFieldLimits() {
    }

    static void check(String filename, UploadForm form, InspectedDistribution inspected) {
        CoreMetadata metadata = inspected.metadata();
        List<String> problems = new ArrayList<>();
        length(problems, "the file name", Optional.of(filename), 255);
        length(problems, "the form field pyversion", form.value("pyversion"), 100);
        length(problems, "Name", Optional.of(metadata.name()), 200);
        length(problems, "Version", Optional.of(inspected.fileName().version().toString()), 100);
        length(problems, "Summary", metadata.summary(), 512);
        length(problems, "Requires-Python", metadata.requiresPython(), 500);
        if (metadata.requiresDist().size() > MAX_REQUIREMENTS) {
            problems.add(metadata.requiresDist().size() + " Requires-Dist entries: a file may declare at most "
                    + MAX_REQUIREMENTS);
        }
        metadata.requiresDist().stream().filter(requirement -> requirement.length() > 2_000).findFirst()
                .ifPresent(requirement -> problems.add("a Requires-Dist of " + requirement.length()
                        + " characters (" + requirement.substring(0, 40) + "…): the limit is 2000 characters"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Metadata too large to keep: " + String.join("; ", problems));
        }
    }

    private static void length(List<String> problems, String field, Optional<String> value, int limit) {
        value.filter(text -> text.length() > limit).ifPresent(text -> problems.add(field + " is " + text.length()
                + " characters long: the limit is " + limit + " characters"));
    }
}
