package org.hqd.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/*
 * For each hospital and ADRG (its grouped cases, counted in a PeerCount): its value — the share of cases with a counted CC or MCC, or the mean
 * number of secondary diagnoses — and its peers' value over the cases of the same ADRG at the other hospitals of its
 * peer group (or all other hospitals). A hospital with ≥ minCases cases whose peers have ≥ minCases is flagged when its
 * value is ≥ ratioAtLeast × the peers' and ≥ differenceAtLeast above it.
 */
/** Upcoding signals against peers (高套编码信号). */
final class PeerSignals {
    private PeerSignals() {
    }

    /** Cases and the sum of the measured value, per hospital for one ADRG. */
    private record Sums(long n, double sum) {
    }

    static List<ComplianceFlag> find(List<PeerCount> counts, ComplianceRule.PeerSignal r) {
        boolean rate = r.kind() == ComplianceKind.CC_RATE;
        Map<String, Map<String, Sums>> byAdrg = new TreeMap<>();
        Map<String, String> peerGroupOf = new TreeMap<>();
        for (PeerCount c : counts) {
            peerGroupOf.putIfAbsent(c.hospitalId(), r.byTier() ? c.peerGroup() : "");
            byAdrg.computeIfAbsent(c.adrg(), k -> new TreeMap<>()).merge(c.hospitalId(),
                    new Sums(c.cases(), rate ? c.complicated() : c.secondaryDx()),
                    (a, b) -> new Sums(a.n() + b.n(), a.sum() + b.sum()));
        }
        List<ComplianceFlag> out = new ArrayList<>();
        byAdrg.forEach((adrg, hospitals) -> hospitals.forEach((hospital, own) -> {
            long peerN = 0;
            double peerSum = 0;
            int peerHospitals = 0;
            for (Map.Entry<String, Sums> e : hospitals.entrySet()) {
                if (!e.getKey().equals(hospital) && peerGroupOf.get(e.getKey()).equals(peerGroupOf.get(hospital))) {
                    peerN += e.getValue().n();
                    peerSum += e.getValue().sum();
                    peerHospitals++;
                }
            }
            if (own.n() < r.minCases() || peerN < r.minCases()) {
                return;
            }
            double mine = own.sum() / own.n();
            double peers = peerSum / peerN;
            if (mine >= r.ratioAtLeast() * peers && mine - peers >= r.differenceAtLeast() && mine > 0) {
                String peerText = (r.byTier() ? "同级" : "其他") + "医院 " + peerHospitals + " 家 " + peerN + " 例";
                out.add(new ComplianceFlag(hospital, "", r.id(), r.label(), r.kind(), "ADRG " + adrg, rate
                        ? String.format("本院 %d 例中 CC/MCC 占 %.1f%%，%s占 %.1f%%（%.2f 倍，高 %.1f 个百分点）", own.n(),
                        100 * mine, peerText, 100 * peers, peers == 0 ? Double.POSITIVE_INFINITY : mine / peers,
                        100 * (mine - peers))
                        : String.format("本院 %d 例例均其他诊断 %.2f 个，%s例均 %.2f 个（%.2f 倍，多 %.2f 个）", own.n(), mine,
                        peerText, peers, peers == 0 ? Double.POSITIVE_INFINITY : mine / peers, mine - peers),
                        String.format("双方病例 ≥ %d，≥ %s 倍且%s ≥ %s%s", r.minCases(), ComplianceScreener.num(r.ratioAtLeast()),
                                rate ? "高" : "多", rate ? ComplianceScreener.num(100 * r.differenceAtLeast()) + " 个百分点"
                                        : ComplianceScreener.num(r.differenceAtLeast()) + " 个",
                                r.byTier() ? "，与同级医院比较" : "，与其他医院比较")));
            }
        }));
        return out;
    }
}
