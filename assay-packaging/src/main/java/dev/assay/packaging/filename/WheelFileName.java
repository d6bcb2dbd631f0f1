package dev.assay.packaging.filename;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A wheel file name, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl}, whose tag parts may be
 * compressed tag sets such as {@code py2.py3}. Tags are lower-cased, as installers compare them.
 *
 * @param name         the project, from the escaped name part
 * @param version      the release
 * @param buildTag     the tie-breaking build tag, if any
 * @param pythonTags   the Python tags, in written order
 * @param abiTags      the ABI tags, in written order
 * @param platformTags the platform tags, in written order
 */
public record WheelFileName(ProjectName name, Version version, Optional<BuildTag> buildTag,
                            Set<String> pythonTags, Set<String> abiTags, Set<String> platformTags)
        implements DistributionFileName {

    static final String SUFFIX = ".whl";
    private static final String SHAPE = "expected {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl";

    /** Copies the tag sets so that the record stays immutable. */
    public WheelFileName {
        pythonTags = Collections.unmodifiableSet(new LinkedHashSet<>(pythonTags));
        abiTags = Collections.unmodifiableSet(new LinkedHashSet<>(abiTags));
        platformTags = Collections.unmodifiableSet(new LinkedHashSet<>(platformTags));
    }

    /** Parses a wheel file name, or throws {@link InvalidFileNameException} saying which part is wrong. */
    public static WheelFileName parse(String fileName) {
        FileNameText.requireClean(fileName);
        if (!fileName.endsWith(SUFFIX)) {
            throw new InvalidFileNameException(fileName, "a wheel file name must end with .whl");
        }
        String[] parts = fileName.substring(0, fileName.length() - SUFFIX.length()).split("-", -1);
        if (parts.length != 5 && parts.length != 6) {
            throw new InvalidFileNameException(fileName, "it has " + parts.length + " '-'-separated parts, not 5 or 6; "
                    + SHAPE);
        }
        ProjectName name = FileNameText.projectName(escapedName(parts[0], fileName), fileName);
        Version version = FileNameText.version(parts[1], fileName);
        Optional<BuildTag> build = parts.length == 6 ? Optional.of(BuildTag.parse(parts[2], fileName)) : Optional.empty();
        int tags = parts.length - 3;
        return new WheelFileName(name, version, build, tagSet(parts[tags], "Python", fileName),
                tagSet(parts[tags + 1], "ABI", fileName), tagSet(parts[tags + 2], "platform", fileName));
    }

    /** Every tag the wheel supports, the product of its tag sets, e.g. {@code py3-none-any}. */
    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        for (String python : pythonTags) {
            for (String abi : abiTags) {
                for (String platform : platformTags) {
                    tags.add(python + "-" + abi + "-" + platform);
                }
            }
        }
        return Collections.unmodifiableSet(tags);
    }

    // Escaping turns every run of '-', '_' and '.' into one '_', so "__" cannot come from a real name.
    private static String escapedName(String text, String fileName) {
        if (text.contains("__")) {
            throw new InvalidFileNameException(fileName, "the name part '" + text + "' contains '__'; an escaped name"
                    + " replaces each run of '-', '_' and '.' with a single '_'");
        }
        return text;
    }

    private static Set<String> tagSet(String text, String kind, String fileName) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : text.split("\\.", -1)) {
            if (tag.isEmpty() || !tag.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                throw new InvalidFileNameException(fileName, "the " + kind + " tag set '" + text + "' is invalid; tags"
                        + " are ASCII letters, digits and '_', joined by '.' (e.g. py2.py3); " + SHAPE);
            }
            tags.add(tag.toLowerCase(Locale.ROOT));
        }
        return tags;
    }
}
