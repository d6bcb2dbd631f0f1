package dev.assay.tasks.builtin;

import java.util.List;
import java.util.Map;

/** The counts of a test run and each failure, as read from JUnit XML. */
public record TestSummary(int passed, int failed, int skipped, int errors, List<TestFailure> failures) {

    public TestSummary {
        if (passed < 0 || failed < 0 || skipped < 0 || errors < 0) {
            throw new IllegalArgumentException("test counts must not be negative");
        }
        failures = List.copyOf(failures);
    }

    public int total() {
        return passed + failed + skipped + errors;
    }

    public boolean allPassed() {
        return failed == 0 && errors == 0;
    }

    /** "3 passed, 1 failed, 0 skipped, 0 errors". */
    public String describe() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped, " + errors + " errors";
    }

    /** The summary as JSON-like raw data. */
    public Map<String, Object> toRawData() {
        return Map.of("passed", passed, "failed", failed, "skipped", skipped, "errors", errors,
                "failures", failures.stream().map(f -> Map.of("name", f.name(), "message", f.message(),
                        "error", f.error())).toList());
    }
}
