package dev.assay.server.git;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.assay.server.git.push.PushEvent;
import dev.assay.server.git.push.PushEventListener;

/** Push event subscribers a test server runs: plain classes, registered only by the git tests. */
final class PushSubscribers {

    private PushSubscribers() {
    }

    /** Keeps every event it receives. */
    static class Recording implements PushEventListener {

        private final List<PushEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onPush(PushEvent event) {
            events.add(event);
        }

        List<PushEvent> of(String project) {
            return events.stream().filter(event -> event.project().equals(project)).toList();
        }
    }

    /** Throws the first time it sees each event, and keeps the events it accepted the second time. */
    static class FailingOnce implements PushEventListener {

        private final Set<Long> seen = ConcurrentHashMap.newKeySet();
        private final List<PushEvent> accepted = new CopyOnWriteArrayList<>();

        @Override
        public void onPush(PushEvent event) {
            if (seen.add(event.id())) {
                throw new IllegalStateException("subscriber failure for event " + event.id());
            }
            accepted.add(event);
        }

        List<PushEvent> of(String project) {
            return accepted.stream().filter(event -> event.project().equals(project)).toList();
        }
    }

    /** Holds each event of a project it is told to stall on until released, as a mirror to a dead host would. */
    static class Blocking implements PushEventListener {

        private final Map<String, CountDownLatch> stalled = new ConcurrentHashMap<>();
        private final Set<String> holding = ConcurrentHashMap.newKeySet();

        @Override
        public void onPush(PushEvent event) throws InterruptedException {
            CountDownLatch release = stalled.get(event.project());
            if (release != null) {
                holding.add(event.project());
                release.await(2, TimeUnit.MINUTES);
            }
        }

        void stallOn(String project) {
            stalled.put(project, new CountDownLatch(1));
        }

        boolean holds(String project) {
            return holding.contains(project);
        }

        void release(String project) {
            stalled.get(project).countDown();
        }
    }
}
