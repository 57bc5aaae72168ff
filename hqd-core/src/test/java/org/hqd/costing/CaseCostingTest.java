package org.hqd.costing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.junit.jupiter.api.Test;

/**
 * Case costs of the 住院 unit of 内科 in {@link SmallHospital} (full cost 3,154.37 yuan: staff 2,152.50, drugs 700.00,
 * materials 70.00, depreciation 231.87) over three discharges, worked by hand.
 */
final class CaseCostingTest {
    static final CasePools POOLS = CasePools.standard(SmallHospital.ITEMS);
    static final Map<String, Long> INTERNAL = Map.of("E0101", 215_250L, "E0201", 70_000L, "E0202", 7_000L,
            "E0301", 23_187L);

    /** A: 西药 300, 材料 50, 床位 100, 治疗 150; B: 西药 100, 中药饮片 100, 床位 200, 护理 100; C: 材料 150, 手术 300. */
    static long[][] cases() {
        return new long[][] {
            charges(ChargeCategory.WESTERN_DRUG, 30_000, ChargeCategory.MATERIAL, 5_000, ChargeCategory.BED, 10_000,
                    ChargeCategory.TREATMENT, 15_000),
            charges(ChargeCategory.WESTERN_DRUG, 10_000, ChargeCategory.HERBAL, 10_000, ChargeCategory.BED, 20_000,
                    ChargeCategory.NURSING, 10_000),
            charges(ChargeCategory.MATERIAL, 15_000, ChargeCategory.SURGERY, 30_000)};
    }

    @Test
    void cost_costToChargeRatio_casesAsWorkedByHand_andAddUpToTheDepartment() {
        // drugs 70,000 over western 400 : herbal 100 → 56,000 / 14,000 → A 42,000, B 28,000;
        // materials 7,000 over A 50 : C 150 → 1,750 / 5,250;
        // services 238,437 over bed 300, treatment 150, surgery 300, nursing 100 (of 850) → 84,154 / 42,077 / 84,154 /
        // 28,052 (remainder 350 of 850 is the largest), then bed 84,154 over A 100 : B 200 → 28,051 / 56,103.
        CaseCosting.Result r = CaseCosting.cost("内科", INTERNAL, cases(), POOLS, Map.of());

        assertThat(r.method()).isEqualTo(CaseCosting.Method.COST_TO_CHARGE);
        assertThat(r.caseCosts()).containsExactly(113_878, 112_155, 89_404);
        assertThat(r.suppliesCosts()).containsExactly(42_000 + 1_750, 28_000, 5_250);
        assertThat(Arrays.stream(r.caseCosts()).sum()).isEqualTo(315_437).isEqualTo(r.cost());
        assertThat(r.unplaced()).isZero();
        assertThat(r.categories()).contains(
                new CaseCosting.CategoryCost(ChargeCategory.BED, "医疗服务", 84_154, 30_000),
                new CaseCosting.CategoryCost(ChargeCategory.WESTERN_DRUG, "药品", 56_000, 40_000),
                new CaseCosting.CategoryCost(ChargeCategory.MATERIAL, "卫生材料", 7_000, 20_000));
        assertThat(r.categories().get(0).ratio()).hasValue(84_154 / 30_000.0);
    }

    @Test
    void cost_itemCosts_spreadTheServicePoolByItemCostNotCharges() {
        // services 238,437 over bed 100 (loaded), treatment 150 (charges), surgery 500 (loaded), nursing 100 (charges)
        // → 28,052 / 42,077 / 140,257 / 28,051; bed over A : B = 1 : 2 → 9,351 / 18,701.
        Map<ChargeCategory, BigDecimal> items = new EnumMap<>(ChargeCategory.class);
        items.put(ChargeCategory.BED, new BigDecimal("100"));
        items.put(ChargeCategory.SURGERY, new BigDecimal("500"));
        CaseCosting.Result r = CaseCosting.cost("内科", INTERNAL, cases(), POOLS, items);

        assertThat(r.method()).isEqualTo(CaseCosting.Method.ITEM_COSTS);
        assertThat(r.caseCosts()).containsExactly(95_178, 74_752, 145_507);
        assertThat(Arrays.stream(r.caseCosts()).sum()).isEqualTo(315_437);
    }

    @Test
    void cost_poolWithoutCharges_goesToAllCharges_andIsNoted() {
        long[][] c = {charges(ChargeCategory.BED, 1_000), charges(ChargeCategory.BED, 3_000)};
        CaseCosting.Result r = CaseCosting.cost("眼科", Map.of("E0201", 1_000L, "E0101", 3_000L), c, POOLS, Map.of());

        assertThat(r.caseCosts()).containsExactly(1_000, 3_000);
        assertThat(r.notes()).containsExactly("药品成本 10.00 元：本科室病例无对应收费，按全部收费分摊");
    }

    @Test
    void cost_noChargesAtAll_nothingPlacedAndTheCostReported() {
        long[][] c = {new long[ChargeCategory.values().length]};
        CaseCosting.Result r = CaseCosting.cost("眼科", Map.of("E0101", 3_000L), c, POOLS, Map.of());

        assertThat(r.caseCosts()).containsExactly(0);
        assertThat(r.unplaced()).isEqualTo(3_000);
    }

    static long[] charges(Object... pairs) {
        long[] out = new long[ChargeCategory.values().length];
        for (int i = 0; i < pairs.length; i += 2) {
            out[((ChargeCategory) pairs[i]).ordinal()] = ((Number) pairs[i + 1]).longValue();
        }
        return out;
    }
}
