package org.hqd.store.importing;

/**
 * The 64-bit hashes of the hospital_id + record_id keys staged so far, to tell while staging whether a file can
 * hold a repeated key at all. A repeated hash only makes a repeat possible (the store then checks the keys
 * themselves); no repeated hash proves there is none. Beyond {@link #MAX} keys it stops counting and says a repeat
 * is possible, so memory stays bounded (2<sup>25</sup> slots, 256 MiB at most).
 */
final class SeenKeys {
    static final int MAX = 1 << 24;

    private long[] slots = new long[1 << 16];
    private int size;
    private boolean repeatPossible;

    /** Adds a key's hash. */
    void add(long hash) {
        if (repeatPossible) {
            return;
        }
        if (size >= MAX) {
            repeatPossible = true;
            slots = new long[0];
            return;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (!insert(slots, hash == 0 ? 1 : hash)) {
            repeatPossible = true;
            slots = new long[0];
            return;
        }
        size++;
    }

    /** Whether two of the keys added may be equal. */
    boolean repeatPossible() {
        return repeatPossible;
    }

    /** Inserts a non-zero value; false when it is already there. */
    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ h >>> 32) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long h : slots) {
            if (h != 0) {
                insert(bigger, h);
            }
        }
        slots = bigger;
    }
}
