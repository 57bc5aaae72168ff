package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.casemix.standards.OutlierClass;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Target;
import org.hqd.evaluation.TargetSet;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo province read back with the core grouper and standards: the properties a reader of its results expects
 * of a real province (weights ordered by complications, few outliers, tiers spread around their targets, deaths in
 * high-risk groups).
 */
final class ProvincePropertiesTest {
    static GeneratedProvince province;

    @BeforeAll
    static void generate() throws IOException {
        province = GeneratedProvince.demo();
    }

    @Test
    void weights_withinAnAdrg_mccAtLeastCcAtLeastNoCcInNinetyFivePercentOfPairs() {
        Map<String, TreeMap<Character, GroupStandard>> byAdrg = new TreeMap<>();
        for (GroupStandard s : province.standards.byDrg().values()) {
            if (s.cases() >= 30 && s.drg().length() == 4 && "135".indexOf(s.drg().charAt(3)) >= 0) {
                byAdrg.computeIfAbsent(s.drg().substring(0, 3), k -> new TreeMap<>()).put(s.drg().charAt(3), s);
            }
        }
        int pairs = 0;
        int ordered = 0;
        List<String> wrong = new ArrayList<>();
        for (TreeMap<Character, GroupStandard> split : byAdrg.values()) {
            List<GroupStandard> in = new ArrayList<>(split.values());
            for (int i = 0; i < in.size(); i++) {
                for (int j = i + 1; j < in.size(); j++) {
                    pairs++;
                    if (in.get(i).rw() >= in.get(j).rw()) {
                        ordered++;
                    } else {
                        wrong.add(in.get(i).drg() + " " + in.get(i).rw() + " < " + in.get(j).drg() + " " + in.get(j).rw());
                    }
                }
            }
        }
        System.out.printf("weight order: %d of %d pairs ordered (%.1f %%) %s%n", ordered, pairs, 100.0 * ordered / pairs, wrong);
        assertThat(pairs).isGreaterThanOrEqualTo(30);
        assertThat(ordered / (double) pairs).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void outliers_highAndLowTogether_threeToSixPercentOfGroupedCases() {
        long high = 0;
        long low = 0;
        List<GeneratedProvince.Case> grouped = province.grouped();
        for (GeneratedProvince.Case c : grouped) {
            GroupStandard s = province.standards.of(c.drg()).orElseThrow();
            OutlierClass o = OutlierClass.of(c.a().totalCost(), s, StandardsParameters.DEFAULTS);
            high += o == OutlierClass.HIGH ? 1 : 0;
            low += o == OutlierClass.LOW ? 1 : 0;
        }
        double share = (high + low) / (double) grouped.size();
        System.out.printf("outliers: high %d, low %d of %d = %.2f %%%n", high, low, grouped.size(), 100 * share);
        assertThat(share).isBetween(0.03, 0.06);
    }

    @Test
    void tiers_everyTierHasHospitalsMeetingAndMissingCmiAlosAndServiceShare() {
        TargetSet targets = TargetSet.standard(IndicatorCatalog.standard());
        StringBuilder table = new StringBuilder();
        for (HospitalTier tier : HospitalTier.values()) {
            List<String> members = province.tiers.entrySet().stream().filter(e -> e.getValue() == tier)
                    .map(Map.Entry::getKey).sorted().toList();
            double cmi = target(targets, "cmi", tier);
            double alos = target(targets, "alos", tier);
            double service = target(targets, "service_revenue_share", tier);
            int[] met = new int[3];
            for (String h : members) {
                met[0] += province.cmi(h) >= cmi ? 1 : 0;
                met[1] += province.alos(h) < alos ? 1 : 0;
                met[2] += province.serviceShare(h) >= service ? 1 : 0;
                table.append(String.format("%s %s %s cmi %.3f alos %.2f service %.3f%n", tier, h, province.types.get(h),
                        province.cmi(h), province.alos(h), province.serviceShare(h)));
            }
            table.append(String.format("%s: %d hospitals; met CMI %d, ALOS %d, service %d%n", tier, members.size(), met[0],
                    met[1], met[2]));
            assertThat(members).as(tier.name()).hasSizeGreaterThanOrEqualTo(2);
            for (int k = 0; k < 3; k++) {
                assertThat(met[k]).as(tier + " indicator " + k + "\n" + table).isBetween(1, members.size() - 1);
            }
        }
        System.out.print(table);
    }

    private static double target(TargetSet targets, String indicator, HospitalTier tier) {
        Optional<Target> t = targets.applicable(indicator, Optional.of(tier), 2024);
        return t.orElseThrow().value();
    }
}
