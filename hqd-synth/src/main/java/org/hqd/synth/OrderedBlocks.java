package org.hqd.synth;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * Makes blocks 0 … n−1 on a pool of worker threads and hands them to a sink in index order on the calling
 * thread. At most {@code 2 × threads + 1} blocks are in flight, so memory stays bounded however many there are.
 */
final class OrderedBlocks {
    /** Receives the blocks in order. */
    interface Sink<T> {
        void accept(T block) throws IOException;
    }

    private OrderedBlocks() {
    }

    static <T> void run(int threads, long count, LongFunction<T> make, Sink<T> sink) throws IOException {
        if (count == 0) {
            return;
        }
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "hqd-synth-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
            int window = 2 * threads + 1;
            long next = 0;
            while (next < count || !inFlight.isEmpty()) {
                while (next < count && inFlight.size() < window) {
                    long index = next++;
                    inFlight.add(pool.submit(() -> make.apply(index)));
                }
                sink.accept(await(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("synthetic data generation was interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        }
    }
}
