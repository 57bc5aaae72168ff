package org.hqd.io.parallel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs tasks on a pool of threads and hands their results to a sink in the order the tasks were given, on the
 * calling thread. At most 2 × threads + 1 tasks are in flight, so memory stays bounded however many there are.
 * Used by file grouping, imports and the data generator.
 */
public final class OrderedParallel {

    /** Gives the next task, or empty when there are no more; called on the calling thread. */
    @FunctionalInterface
    public interface Source<T> {
        Optional<Callable<T>> next() throws IOException;
    }

    /** Takes the results in order, on the calling thread. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T result) throws IOException;
    }

    private OrderedParallel() {
    }

    /**
     * Runs every task of {@code source}.
     *
     * @param threads worker threads; 0 means one per processor
     * @param name    the worker threads' name, for thread dumps
     */
    public static <T> void run(int threads, String name, Source<T> source, Sink<T> sink) throws IOException {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
        try {
            boolean more = true;
            while (more || !inFlight.isEmpty()) {
                while (more && inFlight.size() < 2 * n + 1) {
                    Optional<Callable<T>> task = source.next();
                    more = task.isPresent();
                    task.ifPresent(t -> inFlight.add(pool.submit(t)));
                }
                if (!inFlight.isEmpty()) {
                    sink.accept(await(inFlight.poll()));
                }
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
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
