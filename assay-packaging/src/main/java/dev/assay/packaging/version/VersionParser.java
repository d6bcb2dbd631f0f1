package dev.assay.packaging.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the permissive spellings PEP 440 accepts into a normalised {@link Version}. */
final class VersionParser {
    /**
     * The PEP 440 grammar with every spelling the specification normalises; ASCII-only on purpose. The
     * release and local parts are matched as flat possessive character runs and their separators checked
     * afterwards, because java.util.regex recurses once per repetition of a group and a long version
     * would otherwise overflow the stack.
     */
    static final String VERSION_REGEX = "v?"
            + "(?:(?<epoch>[0-9]+)!)?"
            + "(?<release>[0-9][0-9.]*+)"
            + "(?:[-_.]?(?<preLabel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preNumber>[0-9]+)?)?"
            + "(?:-(?<implicitPost>[0-9]+)|[-_.]?(?:post|rev|r)(?<postMark>)[-_.]?(?<postNumber>[0-9]+)?)?"
            + "(?:[-_.]?dev(?<devMark>)[-_.]?(?<devNumber>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9][a-z0-9._-]*+))?";

    // CASE_INSENSITIVE without UNICODE_CASE keeps letters such as U+0130 from matching [a-z]
    private static final Pattern VERSION = Pattern.compile(VERSION_REGEX, Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[-_.]");
    private static final int MESSAGE_INPUT_LIMIT = 200;

    private VersionParser() {
    }

    static Version parse(String text) {
        if (text == null) {
            throw new InvalidVersionException("Invalid version: null; expected a PEP 440 version such as 1.0");
        }
        String candidate = strip(text);
        if (candidate.length() > Version.MAX_LENGTH) {
            throw tooLong(text, candidate.length() + " characters");
        }
        Matcher matcher = VERSION.matcher(candidate);
        if (!matcher.matches() || !wellFormedRelease(matcher) || !wellFormedLocal(matcher.group("local"))) {
            throw new InvalidVersionException(explain(text, candidate));
        }
        Version version = fromMatch(text, matcher);
        // normalising can lengthen a version (1.0-1 becomes 1.0.post1), and the normalised form is what is stored
        int normalised = version.toString().length();
        if (normalised > Version.MAX_LENGTH) {
            throw tooLong(text, normalised + " characters once normalised as " + abbreviate(version.toString()));
        }
        return version;
    }

    private static InvalidVersionException tooLong(String text, String length) {
        return new VersionTooLongException("Invalid version '" + abbreviate(text) + "': it is too long (" + length
                + "); a version has at most " + Version.MAX_LENGTH + " characters");
    }

    /** Strips whitespace the way Python's {@code str.strip()} does, including no-break spaces. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Keeps error messages readable when the bad input is huge. */
    static String abbreviate(String text) {
        return text.length() <= MESSAGE_INPUT_LIMIT ? text : text.substring(0, MESSAGE_INPUT_LIMIT) + "...";
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * Numbers separated by single dots. The possessive run may also have taken the dot that separates the
     * release from a pre-, post- or dev-label ({@code 1.0.post1}); that dot is valid only right before a letter.
     */
    private static boolean wellFormedRelease(Matcher m) {
        String release = m.group("release");
        if (release.endsWith(".")) {
            int next = m.end("release");
            if (next >= m.group().length() || !Character.isLetter(m.group().charAt(next))) {
                return false;
            }
            release = release.substring(0, release.length() - 1);
        }
        return !release.endsWith(".") && !release.contains("..");
    }

    /** Alphanumeric segments separated by single {@code .}, {@code -} or {@code _}. */
    private static boolean wellFormedLocal(String local) {
        if (local == null) {
            return true;
        }
        for (int i = 1; i < local.length(); i++) {
            if (isLocalSeparator(local.charAt(i)) && isLocalSeparator(local.charAt(i - 1))) {
                return false;
            }
        }
        return !isLocalSeparator(local.charAt(local.length() - 1));
    }

    private static boolean isLocalSeparator(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    private static Version fromMatch(String text, Matcher m) {
        long epoch = m.group("epoch") == null ? 0 : number(text, m.group("epoch"));
        List<Long> release = new ArrayList<>();
        // split drops the trailing separator dot the release run may have taken
        for (String part : m.group("release").split("\\.")) {
            release.add(number(text, part));
        }
        PreRelease pre = m.group("preLabel") == null ? null
                : new PreRelease(preLabel(m.group("preLabel")), optionalNumber(text, m.group("preNumber")));
        Long post = null;
        if (m.group("implicitPost") != null) {
            post = number(text, m.group("implicitPost"));
        } else if (m.group("postMark") != null) {
            post = optionalNumber(text, m.group("postNumber"));
        }
        Long dev = m.group("devMark") == null ? null : optionalNumber(text, m.group("devNumber"));
        List<String> local = m.group("local") == null ? List.of() : localSegments(m.group("local"));
        return new Version(epoch, release, pre, post, dev, local);
    }

    private static String preLabel(String spelled) {
        return switch (spelled.toLowerCase(Locale.ROOT)) {
            case "a", "alpha" -> "a";
            case "b", "beta" -> "b";
            default -> "rc"; // c, rc, pre and preview are all release candidates
        };
    }

    private static List<String> localSegments(String local) {
        List<String> segments = new ArrayList<>();
        for (String part : LOCAL_SEPARATOR.split(local.toLowerCase(Locale.ROOT))) {
            segments.add(LocalSegments.normalise(part));
        }
        return segments;
    }

    private static long optionalNumber(String text, String digits) {
        // an implicit pre, post or dev number is 0
        return digits == null ? 0 : number(text, digits);
    }

    private static long number(String text, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new VersionTooLongException("Invalid version '" + abbreviate(text) + "': the number "
                    + abbreviate(digits) + " is too long (" + digits.length() + " digits); the largest supported is "
                    + Long.MAX_VALUE);
        }
    }

    private static String explain(String text, String candidate) {
        String problem;
        if (candidate.isEmpty()) {
            problem = "it is empty";
        } else if (candidate.chars().anyMatch(c -> isSpace((char) c))) {
            problem = "it contains whitespace";
        } else {
            problem = "it does not follow the PEP 440 scheme [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]";
        }
        return "Invalid version '" + abbreviate(text) + "': " + problem
                + "; write it like 1.0, 2.0.1rc1, 1!3.0.post2 or 1.0+local.1";
    }
}
