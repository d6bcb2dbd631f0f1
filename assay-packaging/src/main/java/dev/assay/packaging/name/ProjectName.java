package dev.assay.packaging.name;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Python project name as given ({@link #display()}) and in its PEP 503 normalised form; two names
 * are equal when their normalised forms are.
 */
public record ProjectName(String display, String normalized) {

    private static final Pattern VALID =
            Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR_RUN = Pattern.compile("[-_.]+");

    /** Validates both parts; prefer {@link #of(String)}, which derives the normalised form. */
    public ProjectName {
        requireValid(display);
        if (!normalize(display).equals(normalized)) {
            throw new InvalidProjectNameException("normalized form '" + normalized
                    + "' does not match project name '" + display + "'; expected '" + normalize(display) + "'");
        }
    }

    /** Parses and validates a project name, keeping the spelling given for display. */
    public static ProjectName of(String name) {
        requireValid(name);
        return new ProjectName(name, normalize(name));
    }

    /** True when {@code name} satisfies the core-metadata "Name" rule (ASCII letters, digits, {@code . _ -}). */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** PEP 503 normalisation: runs of {@code - _ .} become one {@code -}, letters become lower case. */
    public static String normalize(String name) {
        return SEPARATOR_RUN.matcher(requireText(name)).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** The escaped form used in wheel and sdist file names: runs of {@code - _ .} become one {@code _}, lower case. */
    public static String escapeForFilename(String name) {
        return SEPARATOR_RUN.matcher(requireText(name)).replaceAll("_").toLowerCase(Locale.ROOT);
    }

    /**
     * The form PyPI compares new names in against typosquatting (Warehouse's {@code ultranormalize_name}): lower
     * case, {@code - _ .} removed, the look-alikes {@code l} and {@code i} folded to {@code 1}, {@code o} to
     * {@code 0}; {@code Tiny_Calc}, {@code tinycalc} and {@code t1ny-ca1c} are one.
     */
    public String ultranormalized() {
        return ultranormalize(display);
    }

    /** {@link #ultranormalized()} of any name, e.g. one stored before this form existed. */
    public static String ultranormalize(String name) {
        return SEPARATOR_RUN.matcher(requireText(name)).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('l', '1').replace('i', '1').replace('o', '0');
    }

    /** This name's escaped form for distribution file names. */
    public String filenameForm() {
        return escapeForFilename(display);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectName that && normalized.equals(that.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public String toString() {
        return display;
    }

    private static void requireValid(String name) {
        if (!isValid(name)) {
            throw new InvalidProjectNameException("invalid project name '" + name + "': a name must start and end"
                    + " with an ASCII letter or digit and contain only ASCII letters, digits, '.', '_' and '-'");
        }
    }

    private static String requireText(String name) {
        if (name == null) {
            throw new InvalidProjectNameException("project name is missing (null)");
        }
        return name;
    }
}
