package dev.assay.tasks.builtin;

import java.util.Objects;

/**
 * One test that failed or errored: its qualified name ({@code tests.test_math.test_div}), the runner's
 * message, and whether it was an error (broken test or setup) rather than a failed assertion.
 */
public record TestFailure(String name, String message, boolean error) {

    public TestFailure {
        Objects.requireNonNull(name, "name");
        message = message == null ? "" : message;
    }
}
