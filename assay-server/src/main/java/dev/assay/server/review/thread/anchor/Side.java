package dev.assay.server.review.thread.anchor;

import java.util.Arrays;
import java.util.Locale;

import dev.assay.server.error.InvalidInputException;

/** Which text an inline comment is on: the diff's older side, or the newer one (also every plain file view). */
public enum Side {
    OLD,
    NEW;

    /** The side's name as stored and sent: {@code old} or {@code new}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The side with this name; a missing one is {@code new}, an unknown one a 400 naming the valid ones. */
    public static Side ofKey(String key) {
        if (key == null || key.isBlank()) {
            return NEW;
        }
        return Arrays.stream(values()).filter(side -> side.key().equals(key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + key + "' is not a side; use old or new"));
    }
}
