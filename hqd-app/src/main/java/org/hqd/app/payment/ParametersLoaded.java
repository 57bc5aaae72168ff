package org.hqd.app.payment;

import java.util.List;

/**
 * What a load of official parameters did: the version stored (or the one that already held the same file), how many
 * rows it took, and the rows refused with their reasons (特病单议 lists: cases the store does not hold).
 */
public record ParametersLoaded(int version, boolean alreadyLoaded, long rows, List<String> refused) {
    public ParametersLoaded {
        refused = List.copyOf(refused);
    }
}
