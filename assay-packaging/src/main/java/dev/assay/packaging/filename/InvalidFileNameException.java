package dev.assay.packaging.filename;

import dev.assay.packaging.PackagingException;

/** A distribution file name that does not follow the wheel or sdist naming rules; the message says which. */
public class InvalidFileNameException extends PackagingException {
    private final String fileName;

    /** Reports that {@code fileName} is invalid because of {@code problem}. */
    public InvalidFileNameException(String fileName, String problem) {
        super(message(fileName, problem));
        this.fileName = fileName;
    }

    /** Reports that {@code fileName} is invalid, keeping the underlying failure as the cause. */
    public InvalidFileNameException(String fileName, String problem, Throwable cause) {
        super(message(fileName, problem), cause);
        this.fileName = fileName;
    }

    /** The rejected file name, possibly null when none was given. */
    public String fileName() {
        return fileName;
    }

    private static String message(String fileName, String problem) {
        if (fileName == null) {
            return "Invalid distribution file name: " + problem;
        }
        StringBuilder shown = new StringBuilder();
        fileName.codePoints().forEach(c -> shown.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return "Invalid distribution file name '" + shown + "': " + problem;
    }
}
