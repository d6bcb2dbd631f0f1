package dev.assay.server.index;

import java.util.Locale;

import dev.assay.server.error.InvalidInputException;

/** What a user may do on one project. */
public enum ProjectRole {
    /** Everything, including managing roles and deleting. */
    OWNER,
    /** Upload, yank, push. */
    MAINTAINER,
    /** Review changes; no uploads. */
    REVIEWER;

    /** The role's name as stored and shown. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may upload files and manage releases. */
    public boolean mayUpload() {
        return this == OWNER || this == MAINTAINER;
    }

    /** The role with this name, or an error listing the valid ones. */
    public static ProjectRole ofKey(String key) {
        for (ProjectRole role : values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        throw new InvalidInputException("'" + key + "' is not a project role; use owner, maintainer or reviewer");
    }
}
