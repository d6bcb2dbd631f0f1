package dev.assay.server.review.thread;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.assay.server.error.InvalidInputException;

/** What kind of remark a thread is, as its author or a reviewer tags it. */
public enum ThreadTag {
    BUG,
    ENHANCEMENT,
    QUESTION,
    NIT;

    /** The tag's name as stored and sent. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tag with this name, or a 400 listing the valid ones. */
    public static ThreadTag ofKey(String key) {
        return Arrays.stream(values())
                .filter(tag -> tag.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + key + "' is not a thread tag; use one of "
                        + Arrays.stream(values()).map(ThreadTag::key).collect(Collectors.joining(", "))));
    }
}
