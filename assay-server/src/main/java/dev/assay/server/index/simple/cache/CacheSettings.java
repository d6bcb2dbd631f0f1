package dev.assay.server.index.simple.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The kept index pages ({@code assay.index.cache.*}): how long a read of the database-wide change serial is used
 * before other servers' changes are looked for again ({@code 0}: every request reads it; unset: {@code 0} on
 * PostgreSQL, {@code 1s} on the embedded H2, see {@link ChangeWatch}), and the bytes the pages may hold, every coding
 * counted.
 */
@ConfigurationProperties("assay.index.cache")
public record CacheSettings(Duration recheck, @DefaultValue("48MB") DataSize maxBytes) {
}
