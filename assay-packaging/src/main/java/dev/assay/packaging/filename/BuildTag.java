package dev.assay.packaging.filename;

import java.util.Comparator;

/**
 * A wheel's optional build tag, which breaks ties between otherwise identical wheels: it orders by its
 * leading digits as a number, then by the rest as a string.
 *
 * @param number the leading digits
 * @param rest   what follows the digits, possibly empty
 */
public record BuildTag(long number, String rest) implements Comparable<BuildTag> {
    private static final Comparator<BuildTag> ORDER =
            Comparator.comparingLong(BuildTag::number).thenComparing(BuildTag::rest);

    /** Parses a build tag, which must start with a digit; {@code fileName} is only used in the message. */
    static BuildTag parse(String text, String fileName) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0) {
            throw new InvalidFileNameException(fileName, "the build tag '" + text + "' must start with a digit");
        }
        if (digits > 18) {
            throw new InvalidFileNameException(fileName, "the build number in '" + text + "' is too large");
        }
        return new BuildTag(Long.parseLong(text.substring(0, digits)), text.substring(digits));
    }

    @Override
    public int compareTo(BuildTag other) {
        return ORDER.compare(this, other);
    }

    /** The tag as it appears in a file name, without leading zeros. */
    @Override
    public String toString() {
        return number + rest;
    }
}
