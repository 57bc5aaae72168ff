package org.hqd.casemix.grouping;

import java.util.HashMap;
import java.util.Map;

/**
 * Dense integer ids for every code a pack knows (dictionary, code lists, CC tables, OR procedures), so that the
 * engine tests membership on bit sets instead of strings. A code the pack does not know has id -1.
 *
 * <p>Looking up every diagnosis and procedure of every case is the hottest lookup of an import. A code of at most
 * 16 ASCII characters (every ICD-10 and ICD-9-CM-3 code) is packed into two longs and kept, with its id, in one
 * flat open-addressing table (linear probing): a lookup compares numbers in one place in memory instead of
 * following a reference to a string and another to its bytes. Other codes go to an ordinary map.
 */
final class CodeIndex {
    private static final int MAX_PACKED = 16;
    /** Per slot: the code's first 8 characters, the next 8, the id; an empty slot has 0 first. */
    private static final int SLOT = 3;

    private long[] table = new long[SLOT << 17];
    private final Map<String, Integer> other = new HashMap<>();
    private int packed;

    int intern(String code) {
        int id = idOf(code);
        if (id >= 0) {
            return id;
        }
        id = size();
        long a = half(code, 0);
        long b = half(code, 8);
        if (!packable(code, a, b)) {
            other.put(code, id);
            return id;
        }
        if ((packed + 1) * 2 > capacity()) {
            grow();
        }
        put(table, a, b, id);
        packed++;
        return id;
    }

    int idOf(String code) {
        long a = half(code, 0);
        long b = half(code, 8);
        if (!packable(code, a, b)) {
            return other.isEmpty() ? -1 : other.getOrDefault(code, -1);
        }
        long[] t = table;
        int mask = t.length / SLOT - 1;
        for (int i = slot(a, b, mask); ; i = (i + 1) & mask) {
            long k = t[i * SLOT];
            if (k == 0) {
                return -1;
            }
            if (k == a && t[i * SLOT + 1] == b) {
                return (int) t[i * SLOT + 2];
            }
        }
    }

    int size() {
        return packed + other.size();
    }

    private int capacity() {
        return table.length / SLOT;
    }

    /** Whether a code with these halves is kept in the packed table: 1–16 characters, each 1–127. */
    private static boolean packable(String code, long a, long b) {
        return !code.isEmpty() && code.length() <= MAX_PACKED && a != -1 && b != -1;
    }

    /**
     * Characters {@code [from, from + 8)} of a code packed into a long, one byte each (0 where the code is shorter);
     * -1, which no packing gives, when one of them is not 1–127.
     */
    private static long half(String code, int from) {
        long h = 0;
        for (int i = from, end = Math.min(from + 8, code.length()); i < end; i++) {
            char c = code.charAt(i);
            if (c == 0 || c >= 0x80) {
                return -1;
            }
            h |= (long) c << ((i - from) << 3);
        }
        return h;
    }

    private static void put(long[] t, long a, long b, long id) {
        int mask = t.length / SLOT - 1;
        int i = slot(a, b, mask);
        while (t[i * SLOT] != 0) {
            i = (i + 1) & mask;
        }
        t[i * SLOT] = a;
        t[i * SLOT + 1] = b;
        t[i * SLOT + 2] = id;
    }

    private void grow() {
        long[] old = table;
        long[] bigger = new long[old.length * 2];
        for (int i = 0; i < old.length; i += SLOT) {
            if (old[i] != 0) {
                put(bigger, old[i], old[i + 1], old[i + 2]);
            }
        }
        table = bigger;
    }

    private static int slot(long a, long b, int mask) {
        long h = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        return (int) (h ^ h >>> 32) & mask;
    }
}
