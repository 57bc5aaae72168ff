package org.hqd.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
        Held first = new Held(cache, () -> "shared");

        String got = first.askedMeanwhile(() -> cache.get("k", () -> "own " + first.computed.incrementAndGet()));

        assertThat(first.result.get()).isEqualTo("shared");
        assertThat(got).isEqualTo("shared");
        assertThat(first.computed.get()).isEqualTo(1);
    }

    @Test
    void aResultComputedAcrossAClear_isReturnedButNotKept() throws Exception {
        ResultCache cache = new ResultCache(8);
        Held old = new Held(cache, () -> "before the import");
        cache.clear(); // e.g. actuals imported while the old result was being computed
        // who asks after the clear does not wait for (nor get) the computation that started before it
        assertThat(cache.get("k", () -> "after the import")).isEqualTo("after the import");
        old.release.countDown();
        assertThat(old.result.get()).isEqualTo("before the import");
        assertThat(cache.get("k", () -> "again")).isEqualTo("after the import");
    }

    @Test
    void aFailedComputation_failsWhoWaited_andIsNotKept() throws Exception {
        ResultCache cache = new ResultCache(8);
        Held first = new Held(cache, () -> {
            throw new IllegalStateException("数据库暂时不可用");
        });

        RuntimeException seen = first.askedMeanwhile(() -> {
            try {
                cache.get("k", () -> "unused");
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });

        assertThat(seen).isInstanceOf(IllegalStateException.class).hasMessage("数据库暂时不可用");
        assertThatThrownBy(first.result::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(cache.get("k", () -> "recomputed")).isEqualTo("recomputed");
    }

    /**
     * The computation of {@code k} in another thread, held there until {@link #release} and then answering with what
     * {@code answer} gives (or throws); constructed once it has started.
     */
    private static final class Held {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger computed = new AtomicInteger();
        final CompletableFuture<String> result;

        Held(ResultCache cache, Supplier<String> answer) {
            result = CompletableFuture.supplyAsync(() -> cache.get("k", () -> {
                computed.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return answer.get();
            }));
            while (computed.get() == 0) {
                Thread.onSpinWait();
            }
        }

        /**
         * What {@code ask} returns when a second thread asks while this computation is held: the computation is
         * released once that thread waits (on the running computation's future) or has finished.
         */
        <T> T askedMeanwhile(Supplier<T> ask) throws InterruptedException {
            List<T> got = new ArrayList<>();
            Thread second = new Thread(() -> got.add(ask.get()));
            second.start();
            while (second.isAlive() && second.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            release.countDown();
            second.join();
            return got.get(0);
        }
    }
}
