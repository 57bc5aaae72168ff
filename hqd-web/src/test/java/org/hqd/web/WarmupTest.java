package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The warm-up thread: every step of a run in order, a failing step not stopping the others, a once-step run once. */
final class WarmupTest {
    @Test
    void request_aStepFails_theOthersStillRun_andAOnceStepRunsOnlyOnce() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch twoRuns = new CountDownLatch(2);
        try (Warmup w = new Warmup()) {
            w.add("失败的一步", () -> {
                ran.add("fails");
                throw new IllegalStateException("测试");
            });
            w.add("最后一步", () -> {
                ran.add("last");
                twoRuns.countDown();
            });
            w.request();
            w.once("一次", () -> ran.add("once"));
            CountDownLatch second = new CountDownLatch(1);
            w.once("第二次请求前", second::countDown);
            assertThat(second.await(60, TimeUnit.SECONDS)).isTrue();
            w.request();
            assertThat(twoRuns.await(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(ran).containsExactly("fails", "last", "once", "fails", "last");
    }
}
