package org.hqd.io.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Processes the chunks of a CSV stream on a pool of threads and hands the results on in input order. At most
 * 2 × threads chunks are in flight, so memory does not grow with the input.
 *
 * @param <T> what processing one chunk gives
 */
public final class ChunkPipeline<T> {

    /** Work on one chunk; {@code first} is true for the chunk that starts the file (and holds the header). */
    @FunctionalInterface
    public interface Worker<T> {
        T process(CsvChunk chunk, boolean first) throws Exception;
    }

    /** Takes the results, in input order, on the calling thread. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T result) throws IOException;
    }

    private final int threads;

    /** @param threads worker threads; 0 means one per processor */
    public ChunkPipeline(int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Reads every chunk from {@code reader}, starting with {@code first} (already read by the caller). */
    public void run(CsvChunk first, CsvChunkReader reader, Worker<T> worker, Sink<T> sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hqd-chunk");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<T>> pending = new ArrayDeque<>();
        try {
            Optional<CsvChunk> chunk = Optional.of(first);
            boolean isFirst = true;
            while (chunk.isPresent()) {
                CsvChunk c = chunk.get();
                boolean f = isFirst;
                pending.add(pool.submit(() -> worker.process(c, f)));
                isFirst = false;
                while (pending.size() > threads * 2) {
                    sink.accept(await(pending.poll()));
                }
                chunk = reader.next();
            }
            while (!pending.isEmpty()) {
                sink.accept(await(pending.poll()));
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
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
