package dev.assay.server.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Sizes as people read them, in decimal units as PyPI shows them: "1 byte", "512 bytes", "2.1 kB", "14.0 MB".
 * Pages call it as {@code ${@sizes.human(n)}} and keep the exact count in a tooltip.
 */
@Component("sizes")
public class Sizes {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB", "EB"};

    /** The size in bytes, rounded to one decimal of the largest unit it reaches. */
    public String human(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
