package org.hqd.synth;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import org.hqd.io.parallel.OrderedParallel;

/**
 * Makes blocks 0 … n−1 on a pool of worker threads and hands them to a sink in index order on the calling
 * thread ({@link OrderedParallel}: at most {@code 2 × threads + 1} blocks in flight).
 */
final class OrderedBlocks {
    /** Receives the blocks in order. */
    interface Sink<T> {
        void accept(T block) throws IOException;
    }

    private OrderedBlocks() {
    }

    static <T> void run(int threads, long count, LongFunction<T> make, Sink<T> sink) throws IOException {
        long[] next = {0};
        OrderedParallel.run(threads, "hqd-synth", () -> {
            if (next[0] >= count) {
                return Optional.empty();
            }
            long index = next[0]++;
            return Optional.of((Callable<T>) () -> make.apply(index));
        }, sink::accept);
    }
}
