package org.hqd.io.csv;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.io.parallel.OrderedParallel;

/**
 * Processes the chunks of a CSV stream on a pool of threads and hands the results on in input order
 * ({@link OrderedParallel}), so memory does not grow with the input.
 *
 * @param <T> what processing one chunk gives
 */
public final class ChunkPipeline<T> {

    /** Work on one chunk; {@code first} is true for the chunk that starts the file (and holds the header). */
    @FunctionalInterface
    public interface Worker<T> {
        T process(CsvChunk chunk, boolean first) throws Exception;
    }

    private final int threads;

    /** @param threads worker threads; 0 means one per processor */
    public ChunkPipeline(int threads) {
        this.threads = threads;
    }

    /** Reads every chunk from {@code reader}, starting with {@code first} (already read by the caller). */
    public void run(CsvChunk first, CsvChunkReader reader, Worker<T> worker, OrderedParallel.Sink<T> sink)
            throws IOException {
        boolean[] started = {false};
        OrderedParallel.run(threads, "hqd-chunk", () -> {
            Optional<CsvChunk> c = started[0] ? reader.next() : Optional.of(first);
            boolean isFirst = !started[0];
            started[0] = true;
            return c.map(chunk -> (Callable<T>) () -> worker.process(chunk, isFirst));
        }, sink);
    }
}
