package org.hqd.app;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A bounded LRU cache of query results, keyed by the query and its parameters (before scoping). The store cannot
 * change under a running server — it holds the data directory's write lock, so imports wait for it — so a result
 * stays valid for the server's life, except where a use case of the server changes what a query reads: budget
 * actuals feed the evaluation measures ({@code finance_months}), so their import sends the "measures changed" notice
 * on which the caches of measures are {@link #clear()}ed.
 *
 * <p>A result is computed once however many ask for it at the same time: who asks while it is being computed waits
 * for that computation (50 users opening the evaluation together cost one evaluation, not 50). A computation that
 * fails fails for everyone waiting on it and is not kept.
 */
public final class ResultCache {
    private final Map<String, Object> entries;
    /** The computations under way, by key; whoever asks for one of these keys waits for it. */
    private final Map<String, CompletableFuture<Object>> running = new HashMap<>();
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

    /** The result kept under a key, if one is (nothing is computed or awaited). */
    @SuppressWarnings("unchecked")
    public <T> java.util.Optional<T> kept(String key) {
        synchronized (entries) {
            return java.util.Optional.ofNullable((T) entries.get(key));
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        long started;
        CompletableFuture<Object> mine;
        CompletableFuture<Object> theirs;
        synchronized (entries) {
            Object hit = entries.get(key);
            if (hit != null) {
                return (T) hit;
            }
            theirs = running.get(key);
            mine = theirs == null ? new CompletableFuture<>() : null;
            if (mine != null) {
                running.put(key, mine);
            }
            started = generation;
        }
        if (theirs != null) {
            return (T) await(theirs);
        }
        T value;
        try {
            value = compute.get();
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                running.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        synchronized (entries) {
            running.remove(key, mine);
            if (generation == started && value != null) {
                entries.put(key, value);
            }
        }
        mine.complete(value);
        return value;
    }

    private static Object await(CompletableFuture<Object> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /**
     * Forgets every result (the data they were computed from has changed); computations under way finish for those
     * who asked before, but are neither kept nor shared with who asks after.
     */
    public void clear() {
        synchronized (entries) {
            generation++;
            entries.clear();
            running.clear();
        }
    }
}
