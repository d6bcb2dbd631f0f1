package dev.assay.server.pipeline.downstream;

import java.util.List;

/**
 * What a new release's downstream re-tests found: how many dependents were re-tested, how many of them passed,
 * newly fail (passed before), still fail (failed before too), fail with no earlier result to compare, or have not
 * finished; {@code dependents} lists each, unnamed where the reader may not read the dependent.
 */
public record DownstreamReport(int total, int passed, int newlyFailing, int stillFailing, int failing, int pending,
        List<DownstreamDependent> dependents) {

    static DownstreamReport of(List<DownstreamDependent> dependents) {
        return new DownstreamReport(dependents.size(), count(dependents, DownstreamDependent.PASSED),
                count(dependents, DownstreamDependent.NEWLY_FAILING),
                count(dependents, DownstreamDependent.STILL_FAILING),
                count(dependents, DownstreamDependent.FAILING), count(dependents, DownstreamDependent.PENDING),
                dependents);
    }

    private static int count(List<DownstreamDependent> dependents, String outcome) {
        return (int) dependents.stream().filter(dependent -> dependent.outcome().equals(outcome)).count();
    }
}
