package dev.assay.packaging.version;

import java.util.Optional;

/** The comparison operators of a PEP 440 version specifier clause. */
public enum Operator {
    /** {@code ===}: exact, case-insensitive string equality; the escape hatch for non-PEP 440 versions. */
    ARBITRARY_EQUAL("==="),
    /** {@code ~=}: compatible release. */
    COMPATIBLE("~="),
    /** {@code ==}: version matching, with optional {@code .*} prefix matching. */
    EQUAL("=="),
    /** {@code !=}: version exclusion, with optional {@code .*} prefix matching. */
    NOT_EQUAL("!="),
    /** {@code <=}: inclusive ordered comparison. */
    LESS_OR_EQUAL("<="),
    /** {@code >=}: inclusive ordered comparison. */
    GREATER_OR_EQUAL(">="),
    /** {@code <}: exclusive ordered comparison. */
    LESS("<"),
    /** {@code >}: exclusive ordered comparison. */
    GREATER(">");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a specifier, e.g. {@code ~=}. */
    public String symbol() {
        return symbol;
    }

    /** The operator a specifier starts with; longer symbols win, so {@code ===} is not read as {@code ==}. */
    static Optional<Operator> leading(String text) {
        // declaration order already puts every symbol before any shorter symbol it starts with
        for (Operator operator : values()) {
            if (text.startsWith(operator.symbol)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    /** Whether a local label ({@code +local}) may follow the version. */
    boolean allowsLocal() {
        return this == EQUAL || this == NOT_EQUAL;
    }

    /** Whether a {@code .*} prefix wildcard may end the version. */
    boolean allowsWildcard() {
        return this == EQUAL || this == NOT_EQUAL;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
