package org.hqd.casemix.monitoring;

import java.util.List;
import java.util.Optional;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.standards.GroupStandard;

/**
 * What in-stay monitoring says about a current stay: the DRG it is expected to group into, that DRG's standard
 * (when there is one) and each measure against it.
 */
public record StayAssessment(GroupingResult expectedGroup, Optional<GroupStandard> standard, List<StayRatio> ratios) {
    public StayAssessment {
        ratios = List.copyOf(ratios);
    }

    /** The measures at or above the warning level. */
    public List<StayRatio> warnings() {
        return ratios.stream().filter(r -> r.alert() != StayRatio.Alert.NONE).toList();
    }
}
