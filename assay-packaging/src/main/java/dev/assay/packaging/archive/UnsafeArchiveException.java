package dev.assay.packaging.archive;

import dev.assay.packaging.PackagingException;

/** An archive refused because one of its entries, or the archive as a whole, could harm the reader. */
public class UnsafeArchiveException extends PackagingException {

    /** Why an archive is refused. */
    public enum Reason {
        ABSOLUTE_PATH("absolute path"),
        PATH_TRAVERSAL("path traversal"),
        ILLEGAL_NAME("illegal entry name"),
        PATH_TOO_LONG("path too long"),
        DUPLICATE_ENTRY("duplicate entry"),
        PATH_CONFLICT("conflicting entries"),
        LINK_ESCAPES_ROOT("link leaving the archive"),
        SPECIAL_FILE("special file"),
        TOO_MANY_ENTRIES("too many entries"),
        ENTRY_TOO_LARGE("entry too large"),
        TOTAL_TOO_LARGE("archive too large"),
        COMPRESSION_RATIO("compression ratio over the limit (zip bomb)"),
        SIZE_MISMATCH("size differs from the declared size");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** A short human description, used in messages. */
        public String label() {
            return label;
        }
    }

    private final String archive;
    private final String entry;
    private final Reason reason;

    /** Refuses {@code archive} because of {@code entry} (empty when the archive as a whole is at fault). */
    public UnsafeArchiveException(String archive, String entry, Reason reason, String detail) {
        super(message(archive, entry, reason, detail));
        this.archive = archive;
        this.entry = entry;
        this.reason = reason;
    }

    /** The archive's file name. */
    public String archive() {
        return archive;
    }

    /** The raw name of the offending entry, or empty when the archive as a whole is at fault. */
    public String entry() {
        return entry;
    }

    /** Why the archive was refused. */
    public Reason reason() {
        return reason;
    }

    private static String message(String archive, String entry, Reason reason, String detail) {
        String where = entry.isEmpty() ? "" : ", entry " + Quoted.of(entry);
        return "Refusing archive " + Quoted.of(archive) + where + ": " + reason.label() + ": " + detail;
    }
}
