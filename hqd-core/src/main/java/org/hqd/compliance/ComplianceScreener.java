package org.hqd.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * Screens cases with a set of compliance rules: every rule runs over the cases it applies to and every finding comes
 * with its evidence and the thresholds it was held against. Pure: the same cases and rules give the same flags.
 */
public final class ComplianceScreener {
    private final ComplianceRules rules;
    private final Predicate<String> complication;

    /**
     * @param complication whether a diagnosis code is a CC or MCC of the scheme (its CC/MCC tables), for the rule on
     *                     CC/MCC diagnoses without charges
     */
    public ComplianceScreener(ComplianceRules rules, Predicate<String> complication) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.complication = Objects.requireNonNull(complication, "complication");
    }

    /** The flags, by hospital, rule and record. */
    public List<ComplianceFlag> screen(List<ComplianceCase> cases) {
        return screen(cases, PeerCount.of(cases));
    }

    /**
     * The flags, by hospital, rule and record, with the upcoding signals taken from counts made elsewhere (a store
     * counts them without reading the cases). The rules on single cases and on split stays run over {@code cases},
     * which may be only the candidates of a larger set: every case a per-case rule could flag, and every stay of each
     * patient who could have a split stay; the flags are then those of the larger set.
     */
    public List<ComplianceFlag> screen(List<ComplianceCase> cases, List<PeerCount> peers) {
        List<ComplianceFlag> out = new ArrayList<>();
        for (ComplianceRule r : rules.rules()) {
            if (r instanceof ComplianceRule.SplitStay s) {
                out.addAll(SplitStays.find(cases, s));
            } else if (r instanceof ComplianceRule.NeedlessAdmission n) {
                cases.forEach(c -> needless(c, n, out));
            } else if (r instanceof ComplianceRule.PeerSignal p) {
                out.addAll(PeerSignals.find(peers, p));
            } else if (r instanceof ComplianceRule.CcWithoutCharges w) {
                cases.forEach(c -> withoutCharges(c, w, out));
            }
        }
        out.sort(Comparator.comparing(ComplianceFlag::hospitalId).thenComparing(ComplianceFlag::ruleId)
                .thenComparing(ComplianceFlag::recordId).thenComparing(ComplianceFlag::subject));
        return out;
    }

    private static void needless(ComplianceCase c, ComplianceRule.NeedlessAdmission r, List<ComplianceFlag> out) {
        double share = c.totalCost() / c.groupMeanCost();
        if (c.losDays() < 0 || c.losDays() > r.losDaysAtMost() || Double.isNaN(share) || !(share < r.costBelowMean())
                || r.noProcedure() && c.procedures() > 0
                || !r.dischargeMethods().isEmpty() && !r.dischargeMethods().contains(c.dischargeMethod().strip())) {
            return;
        }
        out.add(new ComplianceFlag(c.hospitalId(), c.recordId(), r.id(), r.label(), r.kind(), "病组 " + c.drg(),
                String.format("住院 %d 天，费用 %,.2f 元，为病组均费 %,.2f 元的 %.1f%%%s，离院方式 %s", c.losDays(),
                        c.totalCost(), c.groupMeanCost(), 100 * share, c.procedures() == 0 ? "，无手术操作" : "",
                        c.dischargeMethod()),
                String.format("住院天数 ≤ %d，费用 < 病组均费 × %s%s%s", r.losDaysAtMost(), num(r.costBelowMean()),
                        r.noProcedure() ? "，无手术操作" : "", r.dischargeMethods().isEmpty() ? ""
                                : "，离院方式 " + String.join("、", r.dischargeMethods()))));
    }

    private void withoutCharges(ComplianceCase c, ComplianceRule.CcWithoutCharges r, List<ComplianceFlag> out) {
        if (!c.complicated()) {
            return;
        }
        for (String dx : c.secondaryDx()) {
            String code = dx.strip();
            if (!complication.test(code)) {
                continue;
            }
            for (ComplianceRule.ChargeEvidence e : r.evidence()) {
                if (e.dxPrefixes().stream().anyMatch(code::startsWith)
                        && e.charges().stream().allMatch(k -> !(c.charges().get(k) > 0))) {
                    List<String> names = e.charges().stream().map(ChargeCategory::label).toList();
                    out.add(new ComplianceFlag(c.hospitalId(), c.recordId(), r.id(), r.label(), r.kind(),
                            "诊断 " + code, e.label() + "（" + code + "）计为 CC/MCC，入组 " + c.drg() + "，而"
                            + String.join("、", names) + "为 0", e.label() + "应有" + String.join("或", names)));
                    break;
                }
            }
        }
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
