package dev.assay.server.git.mirror;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mirrors may be configured and pushed: {@code allowLocal} lets owners name {@code file://} URLs and
 * absolute paths on the server (off by default: they would let an owner write anywhere the server may);
 * {@code timeout} bounds each network read and write of a mirror push.
 */
@ConfigurationProperties("assay.git.mirror")
public record MirrorSettings(@DefaultValue("false") boolean allowLocal, @DefaultValue("60s") Duration timeout) {
}
