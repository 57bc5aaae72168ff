package org.hqd.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded LRU cache of query results, keyed by the query and its parameters (before scoping). The store cannot
 * change under a running server — it holds the data directory's write lock, so imports wait for it — so a result
 * stays valid for the server's life, except where a use case of the server changes what a query reads: budget
 * actuals feed the evaluation measures ({@code finance_months}), so their import sends the "measures changed" notice
 * on which the caches of measures are {@link #clear()}ed.
 */
public final class ResultCache {
    private final Map<String, Object> entries;
    /** Incremented by {@link #clear()}: a result computed across a clear is not kept. */
    private long generation;

    public ResultCache(int capacity) {
        entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        long started;
        synchronized (entries) {
            Object hit = entries.get(key);
            if (hit != null) {
                return (T) hit;
            }
            started = generation;
        }
        T value = compute.get();
        synchronized (entries) {
            if (generation == started) {
                entries.put(key, value);
            }
        }
        return value;
    }

    /** Forgets every result (the data they were computed from has changed). */
    public void clear() {
        synchronized (entries) {
            generation++;
            entries.clear();
        }
    }
}
