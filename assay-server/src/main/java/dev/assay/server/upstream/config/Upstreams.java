package dev.assay.server.upstream.config;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;

/**
 * The rules for managing upstreams, for administrators signed in with a password: URLs checked as at start-up, one
 * row per URL, priority 0..10000, quarantine 0..3650 days; an upstream the start-up configuration names can be
 * disabled but not removed (it would come back at the next start).
 */
@Service
public class Upstreams {

    public static final int MAX_PRIORITY = 10_000;
    public static final int MAX_QUARANTINE_DAYS = 3_650;

    private final UpstreamRepository upstreams;
    private final Clock clock;

    public Upstreams(UpstreamRepository upstreams, Clock clock) {
        this.upstreams = upstreams;
        this.clock = clock;
    }

    /** Refuses anyone but an administrator signed in with a password (a token never carries that right). */
    public static void requireAdministrator(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only administrators (the admins group, signed in with a password, not a "
                    + "token) may configure upstream indexes; user '" + caller.name() + "' may not");
        }
    }

    /** Every upstream, in the order they are asked. */
    public List<Upstream> list(Caller caller) {
        requireAdministrator(caller);
        return upstreams.list();
    }

    /** Adds an upstream, or says what to fix. */
    @Transactional
    public Upstream add(Caller caller, NewUpstream request) {
        requireAdministrator(caller);
        if (request == null) {
            throw new InvalidInputException("Missing body: send {\"url\": \"https://…/simple/\"}");
        }
        UpstreamUrl parsed = UpstreamUrl.parse(request.url(), request.username(), request.password());
        int priority = request.priority() == null ? upstreams.nextPriority() : checkPriority(request.priority());
        int quarantine = request.quarantineDays() == null ? 0 : checkQuarantine(request.quarantineDays());
        upstreams.findByUrl(parsed.url()).ifPresent(existing -> {
            throw duplicate(existing.url());
        });
        try {
            long id = upstreams.insert(parsed.url(), parsed.credentials().username(), parsed.credentials().password(),
                    priority, quarantine, false, clock.instant());
            if (Boolean.TRUE.equals(request.vetNewFiles())) {
                upstreams.changeVetNewFiles(id, true);
            }
            return upstreams.find(id).orElseThrow();
        } catch (DuplicateKeyException raced) {
            throw duplicate(parsed.url());
        }
    }

    /** Changes priority, quarantine, enabled, credentials and vetting by policy; fields left out stay. */
    @Transactional
    public Upstream change(Caller caller, long id, UpstreamChange change) {
        requireAdministrator(caller);
        Upstream current = find(id);
        if (change == null) {
            throw new InvalidInputException("Missing body: send any of priority, quarantineDays, enabled, username, "
                    + "password, vetNewFiles");
        }
        int priority = change.priority() == null ? current.priority() : checkPriority(change.priority());
        int quarantine = change.quarantineDays() == null ? current.quarantineDays()
                : checkQuarantine(change.quarantineDays());
        boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
        if (change.changesCredentials()) {
            UpstreamCredentials credentials = UpstreamCredentials.of(change.username(), change.password());
            upstreams.changeCredentials(id, credentials.username(), credentials.password());
        }
        upstreams.update(id, priority, quarantine, enabled);
        if (change.vetNewFiles() != null) {
            upstreams.changeVetNewFiles(id, change.vetNewFiles());
        }
        return find(id);
    }

    /** Removes an upstream an administrator added. */
    @Transactional
    public void remove(Caller caller, long id) {
        requireAdministrator(caller);
        Upstream current = find(id);
        if (current.fromStartup()) {
            throw new ConflictException("The upstream " + current.url() + " comes from the start-up configuration: "
                    + "remove it from ASSAY_UPSTREAMS (or --upstream) and restart, or disable it here");
        }
        upstreams.delete(id);
    }

    private Upstream find(long id) {
        return upstreams.find(id).orElseThrow(() -> new NotFoundException("there is no upstream " + id));
    }

    private static int checkPriority(int priority) {
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new InvalidInputException("The priority must be from 0 to " + MAX_PRIORITY
                    + " (lowest is asked first); " + priority + " is not");
        }
        return priority;
    }

    private static int checkQuarantine(int days) {
        if (days < 0 || days > MAX_QUARANTINE_DAYS) {
            throw new InvalidInputException("The quarantine must be from 0 to " + MAX_QUARANTINE_DAYS
                    + " days (0: none); " + days + " is not");
        }
        return days;
    }

    private static ConflictException duplicate(String url) {
        return new ConflictException("The upstream " + url + " is already configured");
    }
}
