package org.hqd.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded LRU cache of query results, keyed by the query and its parameters (before scoping). The store cannot
 * change under a running server — it holds the data directory's write lock, so imports wait for it — so a result
 * stays valid for the server's life.
 */
final class ResultCache {
    private final Map<String, Object> entries;

    ResultCache(int capacity) {
        entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        synchronized (entries) {
            Object hit = entries.get(key);
            if (hit != null) {
                return (T) hit;
            }
        }
        T value = compute.get();
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
