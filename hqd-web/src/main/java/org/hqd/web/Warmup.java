package org.hqd.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the result caches in one background thread of low priority, at start and again after the measures changed,
 * so that the first users of the pages do not each wait for the costly shared results (the evaluation of the
 * province, the budget list …). A request for a result the warm-up is computing waits for that computation rather
 * than repeating it ({@link org.hqd.app.ResultCache}). A failed step is logged and the others still run.
 */
final class Warmup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    private final List<Runnable> steps = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hqd-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    void add(Runnable step) {
        steps.add(step);
    }

    /** Runs the steps once more (at most one run waits behind the one under way). */
    void request() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false); // closed
            }
        }
    }

    private void run() {
        pending.set(false);
        long t = System.nanoTime();
        for (Runnable step : steps) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                step.run();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the server is closing
                }
                LOG.warn("预先计算常用结果时出错（不影响服务，页面打开时再计算）：{}", e.toString());
            }
        }
        LOG.info("常用结果已预先计算，用时 {} 秒", String.format("%.1f", (System.nanoTime() - t) / 1e9));
    }

    /** Stops after the step under way, which is waited for: the connections it uses are closed next. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)) {
                LOG.warn("预先计算未在 2 分钟内结束，服务仍将关闭");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
