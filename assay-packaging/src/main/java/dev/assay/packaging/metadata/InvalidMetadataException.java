package dev.assay.packaging.metadata;

import dev.assay.packaging.PackagingException;
import java.util.List;
import java.util.stream.Collectors;

/** Raised when core metadata cannot be read or is not valid; {@link #problems()} lists every problem found. */
public class InvalidMetadataException extends PackagingException {
    private final List<MetadataProblem> problems;

    /** An exception listing {@code problems}, which must not be empty. */
    public InvalidMetadataException(List<MetadataProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** An exception for a single problem. */
    public InvalidMetadataException(MetadataProblem problem) {
        this(List.of(problem));
    }

    /** Every problem found, in the order they were found; never empty. */
    public List<MetadataProblem> problems() {
        return problems;
    }

    private static String describe(List<MetadataProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidMetadataException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "invalid core metadata: " + problems.get(0);
        }
        return problems.stream()
                .map(problem -> "\n  - " + problem)
                .collect(Collectors.joining("", "invalid core metadata (" + problems.size() + " problems):", ""));
    }
}
