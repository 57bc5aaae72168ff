package org.hqd.casemix.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed standards (DESIGN §3.3); every expected number is worked out in the comments. */
final class StandardsTest {
    private static final StandardsParameters P = StandardsParameters.DEFAULTS;

    private static CaseValues c(String drg, double cost, int los, double drug, double material, double examLab,
                                boolean died) {
        return new CaseValues(drg, cost, los, drug, material, examLab, died);
    }

    @Test
    void quantiles_interpolateBetweenOrderStatistics() {
        double[] v = {1, 2, 3, 4};
        assertThat(Quantiles.of(v, 0.5)).isEqualTo(2.5);   // pos 1.5
        assertThat(Quantiles.of(v, 0.25)).isEqualTo(1.75); // pos 0.75
        assertThat(Quantiles.of(v, 0.9)).isCloseTo(3.7, within(1e-12)); // pos 2.7
        assertThat(Quantiles.of(new double[] {7}, 0.9)).isEqualTo(7);
    }

    @Test
    void trimming_elevenCasesWithOneFarOutlier_dropsOnlyTheOutlier() {
        // ten at 100, one at 100,000: ln → 4.60517 ×10 and 11.51293; mean 5.23315; sd 2.08276; 3·sd 6.24829;
        // the outlier is 6.27977 from the mean → trimmed, the others 0.62798 → kept
        double[] costs = new double[11];
        java.util.Arrays.fill(costs, 100);
        costs[10] = 100_000;
        boolean[] keep = Trimming.kept(costs, P);
        for (int i = 0; i < 10; i++) {
            assertThat(keep[i]).isTrue();
        }
        assertThat(keep[10]).isFalse();
    }

    @Test
    void trimming_tenCasesWithOneOutlier_keepsAll_becauseOneValueCannotExceedThreeSd() {
        // with n values, one value is at most (n−1)/√n sample SDs from the mean: 9/√10 = 2.85 < 3
        double[] costs = new double[10];
        java.util.Arrays.fill(costs, 100);
        costs[9] = 1e9;
        boolean[] keep = Trimming.kept(costs, P);
        for (boolean k : keep) {
            assertThat(k).isTrue();
        }
    }

    @Test
    void trimming_fewCasesOrNoSpread_keepsAll() {
        assertThat(Trimming.kept(new double[] {1, 1e9}, P)).containsExactly(true, true);
        assertThat(Trimming.kept(new double[] {5, 5, 5, 5}, P)).containsExactly(true, true, true, true);
    }

    @Test
    void standards_smallBaseline_giveHandComputedWeightsAndStandards() {
        List<CaseValues> cases = new ArrayList<>(List.of(
                c("A", 100, 2, 10, 5, 1, false), c("A", 200, 4, 20, 5, 2, false), c("A", 300, 6, 30, 5, 3, false),
                c("B", 1000, 10, 100, 50, 10, true), c("B", 1000, 12, 100, 50, 10, false),
                c("C", 400, 3, 40, 20, 4, true), c("C", 0, 1, 0, 0, 0, false)));

        Standards s = Standards.of(cases, P);

        // kept: A 100, 200, 300 (n = 3, all within 3 sd), B 1000, 1000 (n < 3), C 400 (cost 0 left out)
        // overall kept mean = 3000 / 6 = 500
        assertThat(s.overallMeanCost()).isEqualTo(500);
        GroupStandard a = s.of("A").orElseThrow();
        assertThat(a.cases()).isEqualTo(3);
        assertThat(a.trimmedCases()).isEqualTo(3);
        assertThat(a.rw()).isCloseTo(0.4, within(1e-12));         // 200 / 500
        assertThat(a.meanCost()).isEqualTo(200);
        assertThat(a.medianCost()).isEqualTo(200);
        assertThat(a.p25Cost()).isEqualTo(150);
        assertThat(a.p75Cost()).isEqualTo(250);
        assertThat(a.p90Cost()).isCloseTo(280, within(1e-9));     // pos 1.8 → 200 + 0.8·100
        assertThat(a.meanLos()).isEqualTo(4);
        assertThat(a.meanDrugCost()).isEqualTo(20);
        assertThat(a.meanConsumableCost()).isEqualTo(5);
        assertThat(a.meanExamLabCost()).isEqualTo(2);
        assertThat(a.mortality()).isZero();
        assertThat(a.riskLevel()).isZero();
        assertThat(s.of("B").orElseThrow().rw()).isCloseTo(2.0, within(1e-12));
        GroupStandard c = s.of("C").orElseThrow();
        assertThat(c.cases()).isEqualTo(1);                       // the cost-0 case is not a standard case
        assertThat(c.rw()).isCloseTo(0.8, within(1e-12));
        assertThat(c.mortality()).isEqualTo(0.5);                 // but it counts for mortality: 1 death / 2
        // B and C both 0.5: μ = ln 0.5, σ = 0 → x ≥ μ + σ → level 4
        assertThat(s.of("B").orElseThrow().riskLevel()).isEqualTo(4);
        assertThat(c.riskLevel()).isEqualTo(4);
    }

    @Test
    void standards_noCases_areEmpty() {
        Standards s = Standards.of(List.of(), P);
        assertThat(s.byDrg()).isEmpty();
        assertThat(s.overallMeanCost()).isZero();
    }

    @Test
    void riskLevels_fourGroupsWithDeaths_splitAroundMeanAndSd() {
        // ln: a −4.6052, b −3.9120, c −3.2189, d −2.5257; μ −3.5655; σ 0.8948 → bounds −4.4603, −3.5655, −2.6707
        Map<String, Integer> levels = RiskLevels.of(Map.of("a", 0.01, "b", 0.02, "c", 0.04, "d", 0.08, "e", 0.0));
        assertThat(levels).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 0));
    }

    @Test
    void outliers_byRwBand_useFactorsThreeTwoAndOneAndAHalf() {
        GroupStandard low = standard(0.8, 1000);
        assertThat(OutlierClass.of(3000, low, P)).isEqualTo(OutlierClass.NORMAL);
        assertThat(OutlierClass.of(3000.01, low, P)).isEqualTo(OutlierClass.HIGH);
        assertThat(OutlierClass.of(400, low, P)).isEqualTo(OutlierClass.NORMAL);
        assertThat(OutlierClass.of(399.99, low, P)).isEqualTo(OutlierClass.LOW);
        assertThat(OutlierClass.of(3000.01, standard(1.0, 1000), P)).isEqualTo(OutlierClass.HIGH); // RW 1 → ×3
        assertThat(OutlierClass.of(2000, standard(1.5, 1000), P)).isEqualTo(OutlierClass.NORMAL);
        assertThat(OutlierClass.of(2000.01, standard(2.0, 1000), P)).isEqualTo(OutlierClass.HIGH); // RW 2 → ×2
        assertThat(OutlierClass.of(1500.01, standard(2.5, 1000), P)).isEqualTo(OutlierClass.HIGH); // ×1.5
        assertThat(OutlierClass.of(1500, standard(2.5, 1000), P)).isEqualTo(OutlierClass.NORMAL);
    }

    private static GroupStandard standard(double rw, double mean) {
        return new GroupStandard("X", 10, 10, rw, mean, mean, mean, mean, mean, 5, 0, 0, 0, 0, 0);
    }
}
