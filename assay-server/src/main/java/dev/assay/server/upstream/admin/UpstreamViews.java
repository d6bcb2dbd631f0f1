package dev.assay.server.upstream.admin;

import java.time.Instant;

import dev.assay.server.upstream.config.Upstream;
import dev.assay.server.upstream.rules.NameRule;

/** What the admin API and page show of upstreams and name rules: never a password, only whether one is set. */
final class UpstreamViews {

    private UpstreamViews() {
    }

    /** An upstream as shown. */
    record UpstreamView(long id, String url, String username, boolean passwordSet, int priority, int quarantineDays,
            boolean fromStartup, boolean enabled, Instant createdAt, boolean vetNewFiles) {

        static UpstreamView of(Upstream upstream) {
            return new UpstreamView(upstream.id(), upstream.url(), upstream.username().orElse(null),
                    upstream.password().isPresent(), upstream.priority(), upstream.quarantineDays(),
                    upstream.fromStartup(), upstream.enabled(), upstream.createdAt(), upstream.vetNewFiles());
        }
    }

    /** A name rule as shown: its action as the word {@code allow} or {@code deny}. */
    record RuleView(long id, String pattern, String action, String reason, String createdBy, Instant createdAt) {

        static RuleView of(NameRule rule) {
            return new RuleView(rule.id(), rule.pattern(), rule.action().word(), rule.reason().orElse(null),
                    rule.createdBy().orElse(null), rule.createdAt());
        }
    }
}
