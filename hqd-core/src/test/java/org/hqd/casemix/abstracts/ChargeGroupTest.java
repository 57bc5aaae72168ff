package org.hqd.casemix.abstracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class ChargeGroupTest {
    @Test
    void theDrugSum_isEveryDrugCategory_asTheStoreAndSparkWroteItByHand() {
        assertThat(ChargeGroup.DRUG.categories()).containsExactlyElementsOf(
                Arrays.stream(ChargeCategory.values()).filter(ChargeCategory::isDrug).toList());
        assertThat(ChargeGroup.DRUG.sql("c.", "0")).isEqualTo(
                "coalesce(c.cost_western_drug, 0) + coalesce(c.cost_herbal, 0) + coalesce(c.cost_patent_drug, 0)");
        assertThat(ChargeGroup.DRUG.sql("", "0D")).isEqualTo(
                "coalesce(cost_western_drug, 0D) + coalesce(cost_herbal, 0D) + coalesce(cost_patent_drug, 0D)");
    }

    @Test
    void consumablesAndExamLab() {
        assertThat(ChargeGroup.MATERIAL.sql("", "0")).isEqualTo("coalesce(cost_material, 0)");
        assertThat(ChargeGroup.EXAM_LAB.sql("c.", "0")).isEqualTo("coalesce(c.cost_exam, 0) + coalesce(c.cost_lab, 0)");
    }

    @Test
    void expand_replacesThePlaceholdersOnly() {
        assertThat(ChargeGroup.expand("SELECT {c.material} AS m, {exam_lab} AS e, {month} FROM t", "0")).isEqualTo(
                "SELECT coalesce(c.cost_material, 0) AS m, coalesce(cost_exam, 0) + coalesce(cost_lab, 0) AS e, "
                        + "{month} FROM t");
    }
}
