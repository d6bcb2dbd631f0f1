package dev.assay.packaging.requirement;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A comparison operator of the marker language: the PEP 440 version operators plus {@code in} and {@code not in}. */
public enum MarkerOperator {
    ARBITRARY_EQUAL("==="),
    EQUAL("=="),
    NOT_EQUAL("!="),
    LESS_EQUAL("<="),
    GREATER_EQUAL(">="),
    COMPATIBLE("~="),
    LESS("<"),
    GREATER(">"),
    IN("in"),
    NOT_IN("not in");

    private final String symbol;

    MarkerOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a marker. */
    public String symbol() {
        return symbol;
    }

    /** True for the PEP 440 operators, which may compare as versions; false for {@code in} and {@code not in}. */
    public boolean isVersionOperator() {
        return this != IN && this != NOT_IN;
    }

    /** The operator written {@code symbol}, if any. */
    public static Optional<MarkerOperator> bySymbol(String symbol) {
        return Arrays.stream(values()).filter(operator -> operator.symbol.equals(symbol)).findFirst();
    }

    /** Every symbol, for error messages. */
    static String allSymbols() {
        return Arrays.stream(values()).map(MarkerOperator::symbol).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return symbol;
    }
}
