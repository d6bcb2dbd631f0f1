package dev.assay.packaging.archive;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Turns untrusted entry names and link targets into relative paths that stay inside the archive root. */
final class EntryPath {
    private final String archive;
    private final int maxLength;

    EntryPath(String archive, int maxLength) {
        this.archive = archive;
        this.maxLength = maxLength;
    }

    /** The normalised relative path of {@code name}; empty for the root itself ({@code ./}). */
    String normalize(String name) {
        checkCharacters(name, name, "name");
        String slashed = name.replace('\\', '/');
        if (isAbsolute(slashed)) {
            throw refuse(name, Reason.ABSOLUTE_PATH, "the name is absolute; entries must be relative to the archive root");
        }
        StringBuilder path = new StringBuilder(slashed.length());
        for (String segment : slashed.split("/")) {
            if (segment.equals("..")) {
                throw refuse(name, Reason.PATH_TRAVERSAL, "the name contains a '..' segment (zip slip)");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                path.append(path.length() == 0 ? "" : "/").append(segment);
            }
        }
        return path.toString();
    }

    /**
     * The path a link at {@code path} points to, relative to the archive root. A symbolic link's target is
     * relative to the link's directory; a hard link's target is relative to the root.
     */
    String resolveLink(String name, String path, EntryKind kind, String target) {
        checkCharacters(name, target, "link target");
        String slashed = target.replace('\\', '/');
        if (isAbsolute(slashed)) {
            throw refuse(name, Reason.LINK_ESCAPES_ROOT, "the link points to the absolute path " + Quoted.of(target));
        }
        Deque<String> resolved = new ArrayDeque<>();
        if (kind == EntryKind.SYMBOLIC_LINK) {
            resolved.addAll(List.of(path.split("/")));
            resolved.removeLast();
        }
        for (String segment : slashed.split("/")) {
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    throw refuse(name, Reason.LINK_ESCAPES_ROOT, "the link target " + Quoted.of(target)
                            + " leaves the archive root");
                }
                resolved.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                resolved.addLast(segment);
            }
        }
        return String.join("/", resolved);
    }

    private void checkCharacters(String name, String text, String what) {
        if (text.isEmpty()) {
            throw refuse(name, Reason.ILLEGAL_NAME, "the " + what + " is empty");
        }
        if (text.length() > maxLength) {
            throw refuse(name, Reason.PATH_TOO_LONG, "the " + what + " has " + text.length()
                    + " characters, more than the limit of " + maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                String shown = c == 0 ? "a NUL character" : String.format("the control character U+%04X", (int) c);
                throw refuse(name, Reason.ILLEGAL_NAME, "the " + what + " contains " + shown);
            }
        }
    }

    private static boolean isAbsolute(String slashed) {
        boolean drive = slashed.length() >= 2 && slashed.charAt(1) == ':' && isAsciiLetter(slashed.charAt(0));
        return slashed.startsWith("/") || drive;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private UnsafeArchiveException refuse(String name, Reason reason, String detail) {
        return new UnsafeArchiveException(archive, name, reason, detail);
    }
}
