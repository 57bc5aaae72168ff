package org.hqd.io.grouping;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.hqd.casemix.grouping.GroupingStatus;

/**
 * What a grouping run did: cases per status, cases with warnings, codes that could not be mapped, time taken, and
 * what the input was read as (its layout and form).
 */
public record GroupingSummary(long cases, Map<GroupingStatus, Long> byStatus, long withWarnings,
                              Map<String, Long> unmappedCodes, Duration elapsed, String readAs) {

    public GroupingSummary {
        byStatus = new EnumMap<>(byStatus);
        unmappedCodes = new TreeMap<>(unmappedCodes);
    }

    public long count(GroupingStatus s) {
        return byStatus.getOrDefault(s, 0L);
    }

    /** Cases per second over the whole run. */
    public double casesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : cases / s;
    }
}
