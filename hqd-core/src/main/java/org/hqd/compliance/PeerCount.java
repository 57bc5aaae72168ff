package org.hqd.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hospital's grouped cases of one ADRG as the upcoding signals compare them with its peers': how many, how many
 * carry a counted CC or MCC, and how many secondary diagnoses they record in all. {@link #of} counts them from cases;
 * a store counts the same in SQL so that the cases need not be read.
 *
 * @param peerGroup the hospital's peer group (its tier); empty when unknown
 */
public record PeerCount(String hospitalId, String peerGroup, String adrg, long cases, long complicated,
                        long secondaryDx) {
    public PeerCount {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(peerGroup, "peerGroup");
        Objects.requireNonNull(adrg, "adrg");
    }

    /** The counts of the grouped cases with an ADRG, per hospital and ADRG, in the order first met. */
    public static List<PeerCount> of(List<ComplianceCase> cases) {
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        Map<String, String> peerGroupOf = new LinkedHashMap<>();
        for (ComplianceCase c : cases) {
            if (!c.grouped() || c.adrg().isEmpty()) {
                continue;
            }
            peerGroupOf.putIfAbsent(c.hospitalId(), c.peerGroup());
            long[] s = sums.computeIfAbsent(List.of(c.hospitalId(), c.adrg()), k -> new long[3]);
            s[0]++;
            s[1] += c.complicated() ? 1 : 0;
            s[2] += c.secondaryDx().size();
        }
        List<PeerCount> out = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> out.add(new PeerCount(k.get(0), peerGroupOf.get(k.get(0)), k.get(1), s[0], s[1], s[2])));
        return out;
    }
}
