package dev.assay.server.testing;

import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets one server of this JVM at a time set up logging: Logback's context is shared by the whole JVM, and two
 * servers initialising it together fail with "Unable to find Spring Environment in logger context". The rest of
 * their start (database, migrations, beans) still runs side by side.
 */
final class LoggingStartGate implements SmartApplicationListener {

    private static final ReentrantLock LOGGING_SETUP = new ReentrantLock();

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationStartingEvent.class.isAssignableFrom(eventType)
                || ApplicationContextInitializedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationStartingEvent) {
            LOGGING_SETUP.lock();
        } else if (LOGGING_SETUP.isHeldByCurrentThread()) {
            LOGGING_SETUP.unlock();
        }
    }

    /** Before Spring Boot's own logging listener, so that the gate closes before logging is touched. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
