package org.hqd.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ResultCacheTest {
    @Test
    void aResultIsComputedOnce_andKeptUntilCleared() {
        ResultCache cache = new ResultCache(8);
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.get("k", () -> "v" + computed.incrementAndGet())).isEqualTo("v1");
        assertThat(cache.get("k", () -> "v" + computed.incrementAndGet())).isEqualTo("v1");
        cache.clear();
        assertThat(cache.get("k", () -> "v" + computed.incrementAndGet())).isEqualTo("v2");
    }

    @Test
    void theLeastRecentlyUsedResultGoesFirst() {
        ResultCache cache = new ResultCache(2);
        cache.get("a", () -> "a1");
        cache.get("b", () -> "b1");
        cache.get("a", () -> "a2"); // a is now the most recent
        cache.get("c", () -> "c1"); // b goes
        assertThat(cache.get("a", () -> "a3")).isEqualTo("a1");
        assertThat(cache.get("b", () -> "b2")).isEqualTo("b2");
    }

    @Test
    void whoAsksDuringTheComputation_waitsForItsResult_insteadOfComputingAgain() throws Exception {
        ResultCache cache = new ResultCache(8);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> cache.get("k", () -> {
            computed.incrementAndGet();
            await(release);
            return "shared";
        }));
        while (computed.get() == 0) {
            Thread.onSpinWait();
        }
        Thread[] second = new Thread[1];
        String[] got = new String[1];
        second[0] = new Thread(() -> got[0] = cache.get("k", () -> "own " + computed.incrementAndGet()));
        second[0].start();
        waitUntilBlocked(second[0]);
        release.countDown();
        second[0].join();
        assertThat(first.get()).isEqualTo("shared");
        assertThat(got[0]).isEqualTo("shared");
        assertThat(computed.get()).isEqualTo(1);
    }

    @Test
    void aResultComputedAcrossAClear_isReturnedButNotKept() throws Exception {
        ResultCache cache = new ResultCache(8);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> old = CompletableFuture.supplyAsync(() -> cache.get("k", () -> {
            started.countDown();
            await(release);
            return "before the import";
        }));
        started.await();
        cache.clear(); // e.g. actuals imported while the old result was being computed
        // who asks after the clear does not wait for (nor get) the computation that started before it
        assertThat(cache.get("k", () -> "after the import")).isEqualTo("after the import");
        release.countDown();
        assertThat(old.get()).isEqualTo("before the import");
        assertThat(cache.get("k", () -> "again")).isEqualTo("after the import");
    }

    @Test
    void aFailedComputation_failsWhoWaited_andIsNotKept() throws Exception {
        ResultCache cache = new ResultCache(8);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> cache.get("k", () -> {
            computed.incrementAndGet();
            await(release);
            throw new IllegalStateException("数据库暂时不可用");
        }));
        while (computed.get() == 0) {
            Thread.onSpinWait();
        }
        RuntimeException[] seen = new RuntimeException[1];
        Thread second = new Thread(() -> {
            try {
                cache.get("k", () -> "unused");
            } catch (RuntimeException e) {
                seen[0] = e;
            }
        });
        second.start();
        waitUntilBlocked(second);
        release.countDown();
        second.join();
        assertThat(seen[0]).isInstanceOf(IllegalStateException.class).hasMessage("数据库暂时不可用");
        assertThatThrownBy(first::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(cache.get("k", () -> "recomputed")).isEqualTo("recomputed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until the thread waits (on the running computation's future) or has finished. */
    private static void waitUntilBlocked(Thread t) {
        while (t.isAlive() && t.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }
}
