package org.hqd.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.hqd.store.DataDirectory;

/**
 * A fixed pool of connections to a server's data directory (a DuckDB connection serves one thread at a time); a
 * request borrows one for the duration of its store work. The services reach the data directory through it.
 */
public final class ConnectionPool implements DataAccess, AutoCloseable {
    private final BlockingQueue<DataDirectory> idle;
    private final List<DataDirectory> all = new ArrayList<>();

    ConnectionPool(DataDirectory dir, int size) {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            DataDirectory d = dir.duplicate();
            all.add(d);
            idle.add(d);
        }
    }

    @Override
    public <T> T with(Function<DataDirectory, T> work) {
        DataDirectory d;
        try {
            d = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return work.apply(d);
        } finally {
            idle.add(d);
        }
    }

    @Override
    public void close() {
        all.forEach(DataDirectory::close);
    }
}
