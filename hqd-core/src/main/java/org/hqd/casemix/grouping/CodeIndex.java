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
        if (!packable(code)) {
            other.put(code, id);
            return id;
        }
        if ((packed + 1) * 2 > capacity()) {
            grow();
        }
        put(table, first(code), second(code), id);
        packed++;
        return id;
    }

    int idOf(String code) {
        int n = code.length();
        if (n == 0 || n > MAX_PACKED) {
            return other.isEmpty() ? -1 : other.getOrDefault(code, -1);
        }
        long a = 0;
        long b = 0;
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c == 0 || c >= 0x80) {
                return other.getOrDefault(code, -1);
            }
            if (i < 8) {
                a |= (long) c << (i << 3);
            } else {
                b |= (long) c << ((i - 8) << 3);
            }
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

    private static boolean packable(String code) {
        if (code.isEmpty() || code.length() > MAX_PACKED) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static long first(String code) {
        long a = 0;
        for (int i = 0; i < Math.min(8, code.length()); i++) {
            a |= (long) code.charAt(i) << (i << 3);
        }
        return a;
    }

    private static long second(String code) {
        long b = 0;
        for (int i = 8; i < code.length(); i++) {
            b |= (long) code.charAt(i) << ((i - 8) << 3);
        }
        return b;
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
