package org.hqd.store.importing;

import java.util.Arrays;
import java.util.Collection;

/**
 * Splits the hospitals of the register into at most {@link #MAX} contiguous ranges of hospital_id, in id order.
 * Staging writes each range's cases to a file of its own and the store reads the files in range order, so a
 * batch lands in {@code case_records} clustered by hospital without a sort: a one-hospital query then skips the
 * other hospitals' row groups by their min/max statistics. An id not in the register falls in the range of the
 * nearest registered id below it, so the ranges stay contiguous.
 */
final class HospitalBuckets {
    /** At most this many ranges (and open staging files). */
    static final int MAX = 256;

    private final String[] ids;
    private final int count;

    /** @param registered the hospital ids of the register; none gives a single range */
    HospitalBuckets(Collection<String> registered) {
        this.ids = registered.stream().distinct().sorted().toArray(String[]::new);
        this.count = Math.max(1, Math.min(ids.length, MAX));
    }

    /** How many ranges there are. */
    int count() {
        return count;
    }

    /** Whether the ranges come from a register (with a single range, nothing is clustered). */
    boolean fromRegister() {
        return ids.length > 0;
    }

    /** The range of a hospital id, {@code 0 <= range < count()}. */
    int of(String hospitalId) {
        if (count == 1) {
            return 0;
        }
        int at = Arrays.binarySearch(ids, hospitalId);
        int rank = at >= 0 ? at : Math.max(0, -at - 2);
        return (int) ((long) rank * count / ids.length);
    }
}
