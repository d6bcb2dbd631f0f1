package dev.assay.packaging.filename;

import dev.assay.packaging.name.InvalidProjectNameException;
import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.InvalidVersionException;
import dev.assay.packaging.version.Version;
import dev.assay.packaging.version.VersionTooLongException;

/** Checks shared by wheel and sdist file names. */
final class FileNameText {
    /** The longest file name accepted: the most a file system allows, and what an index's column holds. */
    static final int MAX_LENGTH = 255;

    private FileNameText() {
    }

    /** Refuses a missing or too long name, and characters no distribution file name may contain. */
    static String requireClean(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            throw new InvalidFileNameException(fileName, "the file name is missing");
        }
        if (fileName.length() > MAX_LENGTH) {
            throw new InvalidFileNameException(fileName, "the file name is too long (" + fileName.length()
                    + " characters); at most " + MAX_LENGTH + ", the most a file system allows");
        }
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || c == '/' || c == '\\') {
                throw new InvalidFileNameException(fileName, String.format(
                        "it contains the character U+%04X; file names hold no whitespace, control characters or slashes",
                        (int) c));
            }
        }
        return fileName;
    }

    /** The project name part, as a {@link ProjectName}. */
    static ProjectName projectName(String text, String fileName) {
        try {
            return ProjectName.of(text);
        } catch (InvalidProjectNameException e) {
            throw new InvalidFileNameException(fileName, "the project name '" + text + "' is invalid: it must start and"
                    + " end with an ASCII letter or digit and contain only ASCII letters, digits, '.', '_' and '-'", e);
        }
    }

    /** The version part, as a PEP 440 {@link Version}. */
    static Version version(String text, String fileName) {
        try {
            return Version.parse(text);
        } catch (VersionTooLongException e) {
            throw new InvalidFileNameException(fileName, "the version is too long: " + e.getMessage(), e);
        } catch (InvalidVersionException e) {
            throw new InvalidFileNameException(fileName, "the version '" + text + "' is not a valid PEP 440 version", e);
        }
    }
}
