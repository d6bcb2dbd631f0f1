package dev.assay.server.git.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.git.push.PushEventRepository.PendingDelivery;
import dev.assay.server.logging.RequestIds;

/**
 * Delivers recorded push events to their subscribers, each on a background thread of its own: right after a
 * push and every few seconds. A delivery is claimed before the subscriber runs (so that several servers never
 * run it at once), marked delivered when the subscriber returns, and retried with a growing delay when it
 * throws; one failing or slow subscriber (a mirror pushing to a distant host) never holds back another (the
 * push pipelines).
 */
@Component
@ConditionalOnWebApplication
public class PushEventDispatcher implements DisposableBean {

    static final int MAX_ATTEMPTS = 20;
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(PushEventDispatcher.class);

    private final PushEventRepository events;
    private final PushEvents pushEvents;
    private final Clock clock;
    private final Map<String, ScheduledExecutorService> threads = new ConcurrentHashMap<>();

    PushEventDispatcher(PushEventRepository events, PushEvents pushEvents, Clock clock) {
        this.events = events;
        this.pushEvents = pushEvents;
        this.clock = clock;
    }

    /** Starts polling once the application is ready, and delivers what an earlier run left owed. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        pushEvents.subscribers().forEach((name, subscriber) -> threads.computeIfAbsent(name, this::thread)
                .scheduleWithFixedDelay(() -> deliverSafely(name, subscriber), 0, POLL.toMillis(),
                        TimeUnit.MILLISECONDS));
    }

    /** Delivers what is due soon, without waiting for the next poll (called after a push committed). */
    public void wake() {
        pushEvents.subscribers().forEach((name, subscriber) -> {
            ScheduledExecutorService thread = threads.get(name);
            if (thread != null) {
                thread.execute(() -> deliverSafely(name, subscriber));
            }
        });
    }

    @Override
    public void destroy() {
        threads.values().forEach(ScheduledExecutorService::shutdownNow);
    }

    private ScheduledExecutorService thread(String subscriber) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "assay-push-events-" + subscriber);
            named.setDaemon(true);
            return named;
        });
    }

    private void deliverSafely(String name, PushEventListener subscriber) {
        try {
            deliverDue(name, subscriber);
        } catch (RuntimeException failure) {
            // the database may be briefly unavailable; the next poll tries again
            LOG.warn("push event delivery to {} stopped: {}", name, failure.toString());
        }
    }

    private void deliverDue(String name, PushEventListener subscriber) {
        List<PendingDelivery> due;
        do {
            due = events.due(name, clock.instant(), MAX_ATTEMPTS, BATCH);
            for (PendingDelivery delivery : due) {
                if (!Thread.currentThread().isInterrupted()
                        && events.claim(delivery, clock.instant().plus(LEASE))) {
                    deliver(delivery, subscriber);
                }
            }
        } while (due.size() == BATCH && !Thread.currentThread().isInterrupted());
    }

    // the push's request id goes along, so that what the subscriber logs and creates (pipelines) carries it
    private void deliver(PendingDelivery delivery, PushEventListener subscriber) {
        try (RequestIds.Scope scope = RequestIds.scope(delivery.requestId())) {
            subscriber.onPush(delivery.event());
            events.delivered(delivery, clock.instant());
        } catch (Exception failure) {
            int attempts = delivery.attempts() + 1;
            Instant retry = clock.instant().plus(delay(attempts));
            LOG.warn("push event {} to subscriber {} failed (attempt {} of {}): {}", delivery.event().id(),
                    delivery.subscriber(), attempts, MAX_ATTEMPTS, failure.toString());
            events.failed(delivery, truncate(failure.toString()), retry);
        }
    }

    /** One second after the first failure, doubling up to an hour. */
    static Duration delay(int attempts) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
