package dev.assay.server.index.simple.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.assay.server.testing.Eventually;

class FreshReadsTest {

    /** A source whose every read waits for a permit; read N answers N, or throws when told to. */
    private static final class GatedSource {
        final Semaphore permits = new Semaphore(0);
        final AtomicInteger started = new AtomicInteger();
        final LinkedBlockingQueue<Boolean> failures = new LinkedBlockingQueue<>();

        Integer read() {
            int number = started.incrementAndGet();
            permits.acquireUninterruptibly();
            if (Boolean.TRUE.equals(failures.poll())) {
                throw new IllegalStateException("read " + number + " failed");
            }
            return number;
        }

        void awaitStarted(int reads) {
            Eventually.until(reads + " read(s) started", Duration.ofSeconds(30), started::get, n -> n >= reads);
        }
    }

    /** A caller on a thread of its own, added to {@code threads}. */
    private static CompletableFuture<Integer> readInBackground(FreshReads<Integer> reads, List<Thread> threads) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reads.read();
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable);
            threads.add(thread);
            thread.start();
        });
    }

    private static void awaitWaiting(List<Thread> threads) {
        Eventually.until("callers waiting", Duration.ofSeconds(30), () -> threads.stream()
                .allMatch(thread -> thread.getState() == Thread.State.WAITING), waiting -> waiting);
    }

    @Test
    void aCallerArrivingDuringAReadGetsTheNextReadNotTheRunningOne() throws Exception {
        GatedSource source = new GatedSource();
        FreshReads<Integer> reads = new FreshReads<>(source::read);
        CompletableFuture<Integer> first = readInBackground(reads, new ArrayList<>());
        source.awaitStarted(1);
        List<Thread> waiting = new ArrayList<>();
        CompletableFuture<Integer> second = readInBackground(reads, waiting);
        awaitWaiting(waiting);
        source.permits.release();
        assertThat(first.get()).isEqualTo(1);
        source.awaitStarted(2);
        source.permits.release();
        assertThat(second.get()).as("a read that started after the call").isEqualTo(2);
        assertThat(source.started).hasValue(2);
    }

    @Test
    void callersArrivingDuringOneReadShareTheNextRead() throws Exception {
        GatedSource source = new GatedSource();
        FreshReads<Integer> reads = new FreshReads<>(source::read);
        List<Thread> waiting = new ArrayList<>();
        CompletableFuture<Integer> first = readInBackground(reads, new ArrayList<>());
        source.awaitStarted(1);
        List<CompletableFuture<Integer>> later = new ArrayList<>();
        for (int caller = 0; caller < 5; caller++) {
            later.add(readInBackground(reads, waiting));
        }
        awaitWaiting(waiting);
        source.permits.release(2);
        assertThat(first.get()).isEqualTo(1);
        for (CompletableFuture<Integer> caller : later) {
            assertThat(caller.get()).as("every later caller shares read 2").isEqualTo(2);
        }
        assertThat(source.started).as("two reads for six callers").hasValue(2);
    }

    @Test
    void aFailedReadFailsItsCallerAloneAndAWaitingCallerReadsAgain() throws Exception {
        GatedSource source = new GatedSource();
        FreshReads<Integer> reads = new FreshReads<>(source::read);
        source.failures.add(true);
        CompletableFuture<Integer> failing = readInBackground(reads, new ArrayList<>());
        source.awaitStarted(1);
        List<Thread> waiting = new ArrayList<>();
        CompletableFuture<Integer> after = readInBackground(reads, waiting);
        awaitWaiting(waiting);
        source.permits.release(2);
        assertThatThrownBy(failing::get).hasRootCauseMessage("read 1 failed");
        assertThat(after.get()).isEqualTo(2);
    }
}
