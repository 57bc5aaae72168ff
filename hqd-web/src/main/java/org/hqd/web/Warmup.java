package org.hqd.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one warm-up thread, of low priority. Its steps fill the result caches at start and again after the
 * measures changed, so that the first users of the pages do not each wait for the costly shared results (the
 * evaluation of the province, the budget list, the scheme's CC/MCC tables …); a request for a result the warm-up is
 * computing waits for that computation rather than repeating it ({@link org.hqd.app.ResultCache}). Steps given with
 * {@link #once} run a single time after the first run (the serving command's loading of the briefing libraries). A
 * failed step is logged with its name and the others still run.
 */
final class Warmup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    private record Step(String name, Runnable work) {
    }

    private final List<Step> steps = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hqd-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /** A step of every run: {@code name} says what it warms. */
    void add(String name, Runnable step) {
        steps.add(new Step(name, step));
    }

    /** Runs a step once, after the run under way or waiting (if the warm-up is not closed). */
    void once(String name, Runnable step) {
        try {
            thread.execute(() -> run(new Step(name, step)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
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
        for (Step step : steps) {
            if (!run(step)) {
                return;
            }
        }
        LOG.info("常用结果已预先计算，用时 {} 秒", String.format("%.1f", (System.nanoTime() - t) / 1e9));
    }

    /** Runs one step; false when the server is closing. */
    private boolean run(Step step) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            long t = System.nanoTime();
            step.work().run();
            LOG.debug("预先计算（{}）用时 {} 秒", step.name(), String.format("%.1f", (System.nanoTime() - t) / 1e9));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            LOG.warn("预先计算（{}）时出错（不影响服务，页面打开时再计算）：{}", step.name(), e.toString());
        }
        return true;
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
