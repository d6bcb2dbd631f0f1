package dev.assay.packaging.requirement;

import java.util.Objects;

/** One side of a marker comparison: an environment variable or a quoted string. */
public sealed interface MarkerOperand permits MarkerOperand.Variable, MarkerOperand.Literal {

    /** The value this operand has in {@code environment}. */
    String valueIn(MarkerEnvironment environment);

    /** An environment variable, such as {@code python_version}. */
    record Variable(MarkerVariable variable) implements MarkerOperand {
        public Variable {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String valueIn(MarkerEnvironment environment) {
            return environment.value(variable);
        }

        @Override
        public String toString() {
            return variable.markerName();
        }
    }

    /** A quoted string; it can hold either quote character, but not both. */
    record Literal(String value) implements MarkerOperand {
        /** Refuses null and values no quote character could enclose. */
        public Literal {
            if (value == null || (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0)) {
                throw new InvalidMarkerException("marker string " + value + " cannot be quoted: it must not be null"
                        + " and must not contain both ' and \"");
            }
        }

        @Override
        public String valueIn(MarkerEnvironment environment) {
            return value;
        }

        // Double quotes are canonical; single quotes only when the value itself holds a double quote.
        @Override
        public String toString() {
            return value.indexOf('"') >= 0 ? "'" + value + "'" : "\"" + value + "\"";
        }
    }
}
