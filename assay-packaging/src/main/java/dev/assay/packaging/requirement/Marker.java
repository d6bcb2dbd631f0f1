package dev.assay.packaging.requirement;

import dev.assay.packaging.name.ProjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A PEP 508 environment marker: comparisons joined by {@code and} and {@code or}. Parsed markers are normalised
 * (legacy variable names replaced, extra names PEP 685-normalised, nested same-kind groups flattened), so two
 * markers are equal when they mean the same thing spelled differently.
 */
public sealed interface Marker permits Marker.Comparison, Marker.And, Marker.Or {

    /** Parses a marker such as {@code python_version >= "3.8" and (sys_platform == "linux" or extra == "test")}. */
    static Marker parse(String marker) {
        return MarkerParser.parse(marker);
    }

    /** Whether the marker holds in {@code environment}; an undefined comparison raises {@link UndefinedComparisonException}. */
    boolean evaluate(MarkerEnvironment environment);

    /** This marker and {@code other}. */
    default Marker and(Marker other) {
        return new And(List.of(this, other));
    }

    /** This marker or {@code other}. */
    default Marker or(Marker other) {
        return new Or(List.of(this, other));
    }

    /** A single comparison such as {@code python_version < "3.8"}. */
    record Comparison(MarkerOperand left, MarkerOperator operator, MarkerOperand right) implements Marker {
        /** Normalises an extra name compared with {@code extra}, as PEP 685 asks. */
        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
            left = normalizeExtraName(left, right);
            right = normalizeExtraName(right, left);
        }

        /** True when either side is the variable {@code variable}. */
        public boolean involves(MarkerVariable variable) {
            return left.equals(new MarkerOperand.Variable(variable)) || right.equals(new MarkerOperand.Variable(variable));
        }

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            return MarkerComparisons.holds(this, environment);
        }

        @Override
        public String toString() {
            return left + " " + operator.symbol() + " " + right;
        }

        // PEP 685: extra names compare normalised, so the written name is normalised once, here.
        private static MarkerOperand normalizeExtraName(MarkerOperand side, MarkerOperand otherSide) {
            if (side instanceof MarkerOperand.Literal literal
                    && otherSide.equals(new MarkerOperand.Variable(MarkerVariable.EXTRA))) {
                return new MarkerOperand.Literal(ProjectName.normalize(literal.value()));
            }
            return side;
        }
    }

    /** Holds when every operand holds; {@code and} binds tighter than {@code or}. */
    record And(List<Marker> operands) implements Marker {
        /** Flattens nested {@code And}s; needs at least two operands. */
        public And {
            operands = flatten(operands, And.class);
        }

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            return operands.stream().allMatch(operand -> operand.evaluate(environment));
        }

        @Override
        public String toString() {
            return operands.stream()
                    .map(operand -> operand instanceof Or ? "(" + operand + ")" : operand.toString())
                    .collect(Collectors.joining(" and "));
        }
    }

    /** Holds when any operand holds. */
    record Or(List<Marker> operands) implements Marker {
        /** Flattens nested {@code Or}s; needs at least two operands. */
        public Or {
            operands = flatten(operands, Or.class);
        }

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            return operands.stream().anyMatch(operand -> operand.evaluate(environment));
        }

        @Override
        public String toString() {
            return operands.stream().map(Marker::toString).collect(Collectors.joining(" or "));
        }
    }

    /** The conjunction of {@code markers}, or the single marker itself. */
    static Marker allOf(List<Marker> markers) {
        return markers.size() == 1 ? markers.get(0) : new And(markers);
    }

    /** The disjunction of {@code markers}, or the single marker itself. */
    static Marker anyOf(List<Marker> markers) {
        return markers.size() == 1 ? markers.get(0) : new Or(markers);
    }

    // (a and b) and c means a and b and c; flattening makes equal meanings equal records.
    private static List<Marker> flatten(List<Marker> operands, Class<? extends Marker> kind) {
        Objects.requireNonNull(operands, "operands");
        List<Marker> flat = new ArrayList<>();
        for (Marker operand : operands) {
            Objects.requireNonNull(operand, "operand");
            if (operand instanceof And and && kind == And.class) {
                flat.addAll(and.operands());
            } else if (operand instanceof Or or && kind == Or.class) {
                flat.addAll(or.operands());
            } else {
                flat.add(operand);
            }
        }
        if (flat.size() < 2) {
            throw new InvalidMarkerException("'" + kind.getSimpleName().toLowerCase() + "' needs at least two operands, got "
                    + flat.size());
        }
        return List.copyOf(flat);
    }
}
