package dev.assay.server.upstream.config;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Makes the upstream table follow the start-up configuration before the server answers anyone: the URLs it names
 * are there (marked as coming from it, its order giving their priorities, its credentials when the URL holds any),
 * those it named before and no longer does are gone, and the upstreams administrators added stay as they are.
 * Every step is idempotent, so servers starting together over one database end with the same table.
 */
@Component
@ConditionalOnWebApplication
class UpstreamStartup implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamStartup.class);
    // room between configured upstreams for an administrator to put one in between
    private static final int PRIORITY_STEP = 10;

    private final UpstreamSettings settings;
    private final UpstreamRepository upstreams;
    private final Clock clock;

    UpstreamStartup(UpstreamSettings settings, UpstreamRepository upstreams, Clock clock) {
        this.settings = settings;
        this.upstreams = upstreams;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<UpstreamUrl> listed = settings.upstreams();
        for (int place = 0; place < listed.size(); place++) {
            UpstreamUrl configured = listed.get(place);
            int priority = (place + 1) * PRIORITY_STEP;
            upstreams.insertIfAbsent(configured.url(), configured.credentials(), priority, clock.instant());
            upstreams.findByUrl(configured.url()).ifPresent(row -> {
                upstreams.adoptFromStartup(row.id(), priority);
                if (configured.credentials().username().isPresent()) {
                    upstreams.changeCredentials(row.id(), configured.credentials().username(),
                            configured.credentials().password());
                }
            });
        }
        Set<String> urls = listed.stream().map(UpstreamUrl::url).collect(Collectors.toSet());
        List<Upstream> dropped = upstreams.list().stream()
                .filter(row -> row.fromStartup() && !urls.contains(row.url())).toList();
        dropped.forEach(row -> upstreams.delete(row.id()));
        if (!listed.isEmpty() || !dropped.isEmpty()) {
            LOG.info("upstreams from the start-up configuration: {}{}", listed,
                    dropped.isEmpty() ? "" : "; removed, no longer configured: "
                            + dropped.stream().map(Upstream::url).toList());
        }
    }
}
