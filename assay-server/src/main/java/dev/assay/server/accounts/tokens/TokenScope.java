package dev.assay.server.accounts.tokens;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.assay.server.error.InvalidInputException;

/** The action an API token allows. */
public enum TokenScope {
    UPLOAD,
    PUSH,
    WORKER,
    /** Package review actions (take, approve, needs work, reject, reopen, checklist) through the REST API. */
    REVIEW;

    /** The scope's name as typed on the command line and stored. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope with this name, or an error listing the valid ones. */
    public static TokenScope ofKey(String key) {
        return Arrays.stream(values())
                .filter(scope -> scope.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + key + "' is not a token scope; use one of "
                        + Arrays.stream(values()).map(TokenScope::key).collect(Collectors.joining(", "))));
    }
}
