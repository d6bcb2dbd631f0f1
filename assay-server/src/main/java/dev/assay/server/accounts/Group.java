package dev.assay.server.accounts;

import java.util.Arrays;
import java.util.Locale;

import dev.assay.server.error.InvalidInputException;

/** The forge-wide groups a user can belong to. */
public enum Group {
    ADMINS("admins"),
    SPONSORS("sponsors"),
    REVIEWERS("reviewers");

    private final String key;

    Group(String key) {
        this.key = key;
    }

    /** The group's name as stored and shown. */
    public String key() {
        return key;
    }

    /** The group a person named, or an error listing the groups. */
    public static Group parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(group -> group.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + name + "' is not a group; use "
                        + "admins, sponsors or reviewers"));
    }

    /** The group with this stored name. */
    public static Group ofKey(String key) {
        return Arrays.stream(values()).filter(group -> group.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown group in the database: " + key));
    }
}
