package dev.assay.server.review.change.vote;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.assay.server.error.InvalidInputException;

/** What a vote says: the change may merge (approve), or it needs work first. */
public enum VoteValue {
    APPROVE,
    NEEDS_WORK;

    /** The value as stored and sent: {@code approve}, {@code needs-work}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value with this name, or a 400 listing the valid ones. */
    public static VoteValue ofKey(String key) {
        return Arrays.stream(values()).filter(value -> value.key().equals(key == null ? "" : key.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + key + "' is not a vote: send "
                        + Arrays.stream(values()).map(VoteValue::key).collect(Collectors.joining(" or "))));
    }
}
