package org.hqd.casemix.grouping;

import java.util.Arrays;

/**
 * Dense integer ids for every code a pack knows (dictionary, code lists, CC tables, OR procedures), so that the
 * engine tests membership on bit sets instead of strings. A code the pack does not know has id -1.
 *
 * <p>An open-addressing table (keys and ids in two flat arrays, linear probing): looking up every diagnosis
 * and procedure of every case is the hottest lookup of an import, and flat arrays keep it cache-friendly.
 */
final class CodeIndex {
    private String[] keys = new String[1 << 17];
    private int[] ids = new int[1 << 17];
    private int size;

    int intern(String code) {
        int id = idOf(code);
        if (id >= 0) {
            return id;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        put(code, size);
        return size++;
    }

    int idOf(String code) {
        int mask = keys.length - 1;
        for (int i = slot(code, mask); ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(code)) {
                return ids[i];
            }
        }
    }

    int size() {
        return size;
    }

    private void put(String code, int id) {
        int mask = keys.length - 1;
        int i = slot(code, mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = code;
        ids[i] = id;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        Arrays.fill(ids, -1);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldIds[i]);
            }
        }
    }

    private static int slot(String code, int mask) {
        int h = code.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
