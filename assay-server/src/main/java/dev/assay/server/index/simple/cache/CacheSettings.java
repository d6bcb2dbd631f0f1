package dev.assay.server.index.simple.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The kept index pages ({@code assay.index.cache.*}): how often a server rereads the database-wide change serial to
 * see other servers' changes ({@code 0} on every request), and the bytes the pages may hold, every coding counted.
 */
@ConfigurationProperties("assay.index.cache")
public record CacheSettings(@DefaultValue("1s") Duration recheck, @DefaultValue("48MB") DataSize maxBytes) {
}
