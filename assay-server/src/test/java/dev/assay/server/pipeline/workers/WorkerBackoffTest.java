package dev.assay.server.pipeline.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker whose server is down waits longer and longer between claims instead of asking at its poll rate. */
class WorkerBackoffTest {

    private static final Duration POLL = Duration.ofMillis(10);

    @Test
    void claimsEverMoreRarelyWhileTheServerIsDown(@TempDir Path work) throws Exception {
        int port;
        try (ServerSocket stopped = new ServerSocket(0)) {
            port = stopped.getLocalPort();
        }
        AtomicInteger claims = new AtomicInteger();
        JobSource source = counting(new HttpJobSource(URI.create("http://127.0.0.1:" + port + "/"), "assay_secret"),
                claims);
        WorkerPool pool = new WorkerPool(source, new JobRunner(null, source, Duration.ofMinutes(1), work,
                Clock.systemUTC()), 1, Duration.ofHours(1), POLL, Clock.systemUTC());
        Duration window = Duration.ofSeconds(3);
        pool.start("backoff-test");
        Thread.sleep(window.toMillis());
        pool.stopNow();
        // at the poll rate it would have asked about 300 times; doubling from 10 ms, about 9 times
        long atPollRate = window.toMillis() / POLL.toMillis();
        assertThat(claims.get()).isBetween(2, (int) (atPollRate / 10));
    }

    @Test
    void theDelayDoublesFromThePollIntervalUpToTheCap() {
        ClaimBackoff backoff = new ClaimBackoff(Duration.ofSeconds(2), Duration.ofMinutes(1));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delay(500)).isEqualTo(Duration.ofMinutes(1));
    }

    private static JobSource counting(JobSource source, AtomicInteger claims) {
        return (JobSource) Proxy.newProxyInstance(JobSource.class.getClassLoader(), new Class<?>[] {JobSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("claim")) {
                        claims.incrementAndGet();
                    }
                    try {
                        return method.invoke(source, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
