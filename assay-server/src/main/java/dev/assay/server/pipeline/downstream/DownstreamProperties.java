package dev.assay.server.pipeline.downstream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Downstream re-tests' settings ({@code assay.downstream.*}).
 *
 * @param maxDependents how many dependents a new release re-tests at most; 0 turns re-tests off
 */
@ConfigurationProperties("assay.downstream")
public record DownstreamProperties(@DefaultValue("10") int maxDependents) {
}
