package org.hqd.casemix.grouping;

/** A set of code ids of one {@link CodeIndex}, as a bit set: membership is one array read. */
final class CodeSet {
    private final long[] bits;
    private final String name;

    CodeSet(String name, int capacity) {
        this.name = name;
        this.bits = new long[(capacity + 63) >>> 6];
    }

    void add(int id) {
        bits[id >>> 6] |= 1L << id;
    }

    boolean contains(int id) {
        return id >= 0 && (bits[id >>> 6] & (1L << id)) != 0;
    }

    /** The first of these ids that is in the set, or -1. */
    int firstIn(int[] ids, int from) {
        for (int i = from; i < ids.length; i++) {
            if (contains(ids[i])) {
                return i;
            }
        }
        return -1;
    }

    String name() {
        return name;
    }
}
