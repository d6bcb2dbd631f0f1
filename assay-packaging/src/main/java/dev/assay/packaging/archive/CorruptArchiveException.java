package dev.assay.packaging.archive;

import dev.assay.packaging.PackagingException;

/** An archive that cannot be read: not a zip or gzip, truncated, or structurally broken. */
public class CorruptArchiveException extends PackagingException {
    private final String archive;

    /** Reports that {@code archive} is unreadable, saying what was wrong. */
    public CorruptArchiveException(String archive, String problem) {
        super(message(archive, problem));
        this.archive = archive;
    }

    /** Reports that {@code archive} is unreadable, keeping the decoder's failure as the cause. */
    public CorruptArchiveException(String archive, String problem, Throwable cause) {
        super(message(archive, problem) + describe(cause), cause);
        this.archive = archive;
    }

    /** The archive's file name. */
    public String archive() {
        return archive;
    }

    private static String message(String archive, String problem) {
        return "Corrupt archive " + Quoted.of(archive) + ": " + problem;
    }

    private static String describe(Throwable cause) {
        String text = cause.getMessage();
        return text == null || text.isBlank() ? " (" + cause.getClass().getSimpleName() + ")" : " (" + text + ")";
    }
}
