package org.hqd.payment;

import java.util.List;

/**
 * When a special-case rule applies: every part given holds (a part not given always holds).
 *
 * @param dischargeMethods the case's 离院方式 is one of these (empty: any)
 * @param losDaysAtMost    length of stay ≤ this; -1: no bound
 * @param losDaysAtLeast   length of stay ≥ this; -1: no bound
 */
public record CaseCondition(List<String> dischargeMethods, int losDaysAtMost, int losDaysAtLeast) {
    public CaseCondition {
        dischargeMethods = List.copyOf(dischargeMethods);
    }

    public boolean test(String dischargeMethod, int losDays) {
        return (dischargeMethods.isEmpty() || dischargeMethods.contains(dischargeMethod.strip()))
                && (losDaysAtMost < 0 || losDays >= 0 && losDays <= losDaysAtMost)
                && (losDaysAtLeast < 0 || losDays >= losDaysAtLeast);
    }

    /** The condition in Chinese. */
    public String label() {
        StringBuilder s = new StringBuilder();
        if (!dischargeMethods.isEmpty()) {
            s.append("离院方式为 ").append(String.join("、", dischargeMethods));
        }
        if (losDaysAtMost >= 0) {
            s.append(s.isEmpty() ? "" : "，").append("住院天数 ≤ ").append(losDaysAtMost);
        }
        if (losDaysAtLeast >= 0) {
            s.append(s.isEmpty() ? "" : "，").append("住院天数 ≥ ").append(losDaysAtLeast);
        }
        return s.isEmpty() ? "任何病例" : s.toString();
    }
}
