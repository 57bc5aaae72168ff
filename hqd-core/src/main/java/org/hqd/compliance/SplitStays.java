package org.hqd.compliance;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * A patient's stays (by pseudonymised id; stays without one are not screened) in admission order: a stay admitted
 * d days after the previous one's discharge, 0 ≤ d ≤ days, at the same hospital (when asked), with the same ADRG (or
 * MDC), neither of the two a planned admission (the rule's ADRGs: chemotherapy, radiotherapy, dialysis …), flags the
 * later stay. A transfer (离院方式 2) or a death ends no split.
 */
/** Finds split stays (分解住院). */
final class SplitStays {
    private SplitStays() {
    }

    static List<ComplianceFlag> find(List<ComplianceCase> cases, ComplianceRule.SplitStay r) {
        Map<String, List<ComplianceCase>> byPatient = new HashMap<>();
        for (ComplianceCase c : cases) {
            if (!c.patientId().isBlank() && c.grouped()) {
                byPatient.computeIfAbsent(r.sameHospital() ? c.hospitalId() + "\u0000" + c.patientId() : c.patientId(),
                        k -> new ArrayList<>()).add(c);
            }
        }
        List<ComplianceFlag> out = new ArrayList<>();
        for (List<ComplianceCase> stays : byPatient.values()) {
            if (stays.size() < 2) {
                continue;
            }
            stays.sort(Comparator.comparing(ComplianceCase::admission).thenComparing(ComplianceCase::discharge)
                    .thenComparing(ComplianceCase::recordId));
            for (int i = 1; i < stays.size(); i++) {
                ComplianceCase before = stays.get(i - 1);
                ComplianceCase after = stays.get(i);
                long gap = ChronoUnit.DAYS.between(before.discharge(), after.admission());
                String key = r.sameMdc() ? before.mdc() : before.adrg();
                String next = r.sameMdc() ? after.mdc() : after.adrg();
                if (gap < 0 || gap > r.days() || key.isEmpty() || !key.equals(next)
                        || r.plannedAdrgs().contains(before.adrg()) || r.plannedAdrgs().contains(after.adrg())
                        || before.dischargeMethod().strip().equals("2") || before.dischargeMethod().strip().equals("5")) {
                    continue;
                }
                out.add(new ComplianceFlag(after.hospitalId(), after.recordId(), r.id(), r.label(), r.kind(),
                        "患者 " + after.patientId(), String.format("前次住院 %s（%s 至 %s，%s %s）出院后 %d 天再次入院，同%s %s",
                        before.recordId(), before.admission(), before.discharge(), before.hospitalId(), before.drg(),
                        gap, r.sameMdc() ? " MDC" : " ADRG", key),
                        String.format("出院后 ≤ %d 天再入院，同%s%s，计划性再入院（%s）除外", r.days(),
                                r.sameMdc() ? " MDC" : " ADRG", r.sameHospital() ? "、同一医院" : "",
                                String.join("、", r.plannedAdrgs()))));
            }
        }
        return out;
    }
}
