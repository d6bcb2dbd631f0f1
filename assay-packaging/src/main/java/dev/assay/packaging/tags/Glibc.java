package dev.assay.packaging.tags;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A glibc version, as {@code platform.libc_ver()} reports it; it bounds the {@code manylinux_2_N} tags a Linux
 * interpreter supports.
 *
 * @param major the major version, 2 for every glibc so far
 * @param minor the minor version
 */
public record Glibc(int major, int minor) {

    /**
     * What a Linux worker is assumed to have when its glibc is not known: Debian bookworm's 2.36, the base of the
     * worker images; an older glibc would accept fewer {@code manylinux} wheels than this assumes.
     */
    public static final Glibc ASSUMED = new Glibc(2, 36);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    /** Checks that the version is positive. */
    public Glibc {
        if (major < 1 || minor < 0) {
            throw new InvalidTargetException("a glibc version is major >= 1 and minor >= 0, got " + major + "." + minor);
        }
    }

    /** Parses {@code 2.36}, or throws {@link InvalidTargetException}. */
    public static Glibc parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new InvalidTargetException("a glibc version looks like '2.36', got '" + text + "'");
        }
        return new Glibc(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
