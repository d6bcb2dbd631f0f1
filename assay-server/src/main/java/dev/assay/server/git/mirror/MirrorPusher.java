package dev.assay.server.git.mirror;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.assay.server.git.GitRepositories;
import dev.assay.server.git.push.PushEvent;
import dev.assay.server.git.push.PushEventListener;

/**
 * The push-event subscriber that pushes a project to each of its mirrors and records each outcome; when a
 * mirror failed it throws, so that the outbox delivers the event again later and the mirror is retried.
 */
@Component
class MirrorPusher implements PushEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorPusher.class);

    private final MirrorService mirrors;
    private final GitRepositories repositories;
    private final MirrorTransport transport;
    private final Clock clock;

    MirrorPusher(MirrorService mirrors, GitRepositories repositories, MirrorSettings settings, Clock clock) {
        this.mirrors = mirrors;
        this.repositories = repositories;
        this.transport = new MirrorTransport(settings.timeout());
        this.clock = clock;
    }

    @Override
    public void onPush(PushEvent event) {
        List<Mirror> due = mirrors.mirrorsOf(event.projectId()).stream()
                .filter(mirror -> !pushedSince(mirror, event.pushedAt())).toList();
        if (due.isEmpty()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        try (Repository repository = repositories.open(event.project())) {
            for (Mirror mirror : due) {
                Instant started = clock.instant();
                Optional<String> error = transport.push(repository, mirror.url());
                mirrors.recordAttempt(mirror, started, error);
                error.ifPresent(message -> failures.add(mirror.url().masked() + ": " + message));
            }
        }
        if (!failures.isEmpty()) {
            LOG.warn("mirroring {} failed: {}", event.project(), failures);
            throw new IllegalStateException("pushing to " + failures.size() + " mirror(s) failed: " + failures);
        }
    }

    /**
     * Whether a successful push that started after this event already carried its refs: a push updating
     * several refs is one event per ref, and a retried event should not push again to mirrors that took it.
     */
    private static boolean pushedSince(Mirror mirror, Instant pushedAt) {
        return mirror.lastResult() == MirrorResult.OK && mirror.lastAttemptAt() != null
                && mirror.lastAttemptAt().isAfter(pushedAt);
    }
}
