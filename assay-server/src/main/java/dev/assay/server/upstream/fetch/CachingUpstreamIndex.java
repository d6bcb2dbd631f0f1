package dev.assay.server.upstream.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.error.BadGatewayException;
import dev.assay.server.upstream.QuarantinedFile;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamIndex;
import dev.assay.server.upstream.UpstreamProject;
import dev.assay.server.upstream.config.Upstream;
import dev.assay.server.upstream.config.UpstreamRepository;
import dev.assay.server.upstream.rules.UpstreamNames;

/**
 * The upstream index behind a page cache: names Assay may not take from upstream are never asked for; enabled
 * upstreams are asked by priority, the first listing the name answers; a cached page is used while fresh, then
 * revalidated; when an upstream fails its cached page is served as stale, else the next upstream is asked.
 */
@Service
class CachingUpstreamIndex implements UpstreamIndex {

    private static final Logger LOG = LoggerFactory.getLogger(CachingUpstreamIndex.class);

    /** The longest name the page cache keeps. */
    private static final int MAX_NAME_LENGTH = 200;

    private final UpstreamNames names;
    private final UpstreamRepository upstreams;
    private final UpstreamPageRepository pages;
    private final PageFetcher fetcher;
    private final FetchSettings settings;
    private final Clock clock;

    CachingUpstreamIndex(UpstreamNames names, UpstreamRepository upstreams, UpstreamPageRepository pages,
            PageFetcher fetcher, FetchSettings settings, Clock clock) {
        this.names = names;
        this.upstreams = upstreams;
        this.pages = pages;
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<UpstreamProject> project(String normalizedName) {
        // only a normalized name becomes part of an upstream URL: "../x" or "a/b" would reach other paths there
        if (!isNormalized(normalizedName) || !names.decide(normalizedName).fromUpstream()) {
            return Optional.empty();
        }
        List<String> failures = new ArrayList<>();
        for (Upstream upstream : upstreams.enabled()) {
            try {
                Optional<UpstreamProject> project = page(upstream, normalizedName);
                if (project.isPresent()) {
                    return project;
                }
            } catch (BadGatewayException failed) {
                failures.add(failed.getMessage());
            }
        }
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        throw new BadGatewayException("no upstream could list " + normalizedName + ": " + String.join("; ", failures));
    }

    private static boolean isNormalized(String name) {
        return name.length() <= MAX_NAME_LENGTH && ProjectName.isValid(name) && ProjectName.normalize(name).equals(name);
    }

    /** The project as this upstream lists it; empty on its 404; a failure only when nothing usable is cached. */
    private Optional<UpstreamProject> page(Upstream upstream, String normalizedName) {
        Instant now = clock.instant();
        Optional<CachedPage> cached = pages.find(upstream.id(), normalizedName);
        if (cached.isPresent() && cached.get().freshAt(now, settings.pageTtl())) {
            return project(upstream, cached.get(), false);
        }
        PageFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(upstream, normalizedName, cached);
        } catch (BadGatewayException failed) {
            if (cached.isEmpty()) {
                throw failed;
            }
            LOG.warn("serving the cached page of {} fetched {}: {}", normalizedName, cached.get().fetchedAt(),
                    failed.getMessage());
            return project(upstream, cached.get(), true);
        }
        if (fetched.notModified()) {
            pages.revalidated(upstream.id(), normalizedName, fetched.page().fetchedAt());
        } else {
            pages.save(fetched.page());
        }
        return project(upstream, fetched.page(), false);
    }

    private Optional<UpstreamProject> project(Upstream upstream, CachedPage page, boolean stale) {
        if (!page.found()) {
            return Optional.empty();
        }
        if (upstream.quarantineDays() <= 0) {
            return Optional.of(new UpstreamProject(upstream, page.normalizedName(), page.files(), List.of(),
                    page.fetchedAt(), stale));
        }
        Duration quarantine = Duration.ofDays(upstream.quarantineDays());
        Instant now = clock.instant();
        List<UpstreamFile> served = new ArrayList<>();
        List<QuarantinedFile> hidden = new ArrayList<>();
        for (UpstreamFile file : page.files()) {
            Optional<Instant> until = file.uploadTime().map(time -> time.plus(quarantine));
            if (until.filter(end -> end.isBefore(now)).isPresent()) {
                served.add(file);
            } else {
                hidden.add(new QuarantinedFile(file.filename(), file.uploadTime(), until));
            }
        }
        return Optional.of(new UpstreamProject(upstream, page.normalizedName(), served, hidden, page.fetchedAt(),
                stale));
    }
}
