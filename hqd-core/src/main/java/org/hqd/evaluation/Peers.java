package org.hqd.evaluation;

import java.util.Optional;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/** A peer group: hospitals of the same tier and the same type (综合、中医、妇幼、专科) are ranked together. */
public record Peers(Optional<HospitalTier> tier, Optional<HospitalType> type) {
    /** How pages and briefings name the group, e.g. 城市三级医院·综合医院. */
    public String label() {
        return HospitalTier.labelOf(tier) + "·" + type.map(HospitalType::label).orElse("未登记类型");
    }
}
