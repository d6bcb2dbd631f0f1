package dev.assay.server.upstream.fetch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How upstream indexes are asked ({@code assay.upstream.fetch.*}).
 *
 * @param pageTtl        how long a fetched project page (or upstream's 404) is used before it is revalidated
 * @param connectTimeout how long connecting to upstream may take
 * @param readTimeout    how long upstream may take to answer a request
 * @param maxPageBytes   the largest project page read; a larger one is a failure of that upstream
 */
@ConfigurationProperties("assay.upstream.fetch")
public record FetchSettings(
        @DefaultValue("10m") Duration pageTtl,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("20MB") DataSize maxPageBytes) {

    public FetchSettings {
        for (Duration positive : new Duration[] {connectTimeout, readTimeout}) {
            if (positive.isNegative() || positive.isZero()) {
                throw new IllegalArgumentException("assay.upstream.fetch timeouts must be positive, was " + positive);
            }
        }
        if (pageTtl.isNegative()) {
            throw new IllegalArgumentException("assay.upstream.fetch.page-ttl must not be negative, was " + pageTtl);
        }
        if (maxPageBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("assay.upstream.fetch.max-page-bytes must be positive");
        }
    }
}
