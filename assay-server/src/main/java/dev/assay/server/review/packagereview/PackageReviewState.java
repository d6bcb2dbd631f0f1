package dev.assay.server.review.packagereview;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.assay.server.error.InvalidInputException;

/**
 * Where a package review stands, with its flag: new (no flag), in review ({@code ?}, a reviewer took it), needs
 * work ({@code -}), approved ({@code +}, the hold is lifted) or rejected ({@code -}).
 */
public enum PackageReviewState {
    NEW(""),
    IN_REVIEW("?"),
    NEEDS_WORK("-"),
    APPROVED("+"),
    REJECTED("-");

    private final String flag;

    PackageReviewState(String flag) {
        this.flag = flag;
    }

    /** The state's name as stored and sent: {@code new}, {@code in-review}, {@code needs-work}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The flag shown beside the review: {@code ?}, {@code +}, {@code -}, or empty while new. */
    public String flag() {
        return flag;
    }

    /** Whether the review still decides the project's fate (neither approved nor rejected). */
    public boolean isOpen() {
        return this == NEW || this == IN_REVIEW || this == NEEDS_WORK;
    }

    /** The state with this name, or an error listing the valid ones. */
    public static PackageReviewState ofKey(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(state -> state.key().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("'" + key + "' is not a review state; use one of "
                        + Arrays.stream(values()).map(PackageReviewState::key).collect(Collectors.joining(", "))));
    }
}
