package dev.assay.packaging.archive;

/** Renders untrusted names for error messages: control characters escaped, overlong names shortened. */
final class Quoted {
    private static final int MAX_SHOWN = 200;

    private Quoted() {
    }

    /** The name in single quotes, safe to put in a log line or an HTTP response. */
    static String of(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_SHOWN) + 8).append('\'');
        int shown = Math.min(name.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (shown < name.length()) {
            out.append("...(").append(name.length()).append(" characters)");
        }
        return out.append('\'').toString();
    }
}
