package dev.assay.server.index.simple.cache;

import java.util.Locale;

/** A content-coding a kept page is stored in (RFC 9110, section 8.4.1), best first. */
public enum Encoding {
    BR("br", "-br"),
    GZIP("gzip", "-gz"),
    IDENTITY("identity", "");

    private final String token;
    private final String etagSuffix;

    Encoding(String token, String etagSuffix) {
        this.token = token;
        this.etagSuffix = etagSuffix;
    }

    /** The {@code Content-Encoding} value; none for identity. */
    public String token() {
        return token;
    }

    /** What tells this coding's strong ETag from the others' (RFC 9110: each representation has its own). */
    String etagSuffix() {
        return etagSuffix;
    }

    /**
     * The coding to send for an {@code Accept-Encoding} header (RFC 9110, section 12.5.3): the acceptable one with the
     * highest weight, ties to the smaller (br, gzip, identity); identity when there is no header, when it names
     * nothing stored, and as a last resort, since refusing a page for its coding helps no installer. A malformed
     * element is ignored, never an error.
     */
    public static Encoding choose(String acceptEncoding, boolean brotli) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return IDENTITY;
        }
        double[] weights = {-1, -1, -1};
        double any = -1;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";", -1);
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            double weight = weight(parts);
            switch (name) {
                case "br" -> weights[BR.ordinal()] = weight;
                case "gzip", "x-gzip" -> weights[GZIP.ordinal()] = weight;
                case "identity" -> weights[IDENTITY.ordinal()] = weight;
                case "*" -> any = weight;
                default -> {
                    // codings we do not store
                }
            }
        }
        Encoding best = IDENTITY;
        double bestWeight = 0;
        for (Encoding encoding : values()) {
            double weight = weights[encoding.ordinal()] >= 0 ? weights[encoding.ordinal()]
                    : encoding == IDENTITY && any < 0 ? 0.001 : any;
            if ((encoding != BR || brotli) && weight > bestWeight) {
                best = encoding;
                bestWeight = weight;
            }
        }
        return best;
    }

    /** The {@code q} parameter: 1 when absent; 0 (not acceptable) when it is not a number from 0 to 1. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    double weight = Double.parseDouble(parameter.substring(2).strip());
                    return weight >= 0 && weight <= 1 ? weight : 0;
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
