package org.hqd.casemix.abstracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class ChargeCategoryTest {

    @Test
    void values_all_areFourteen() {
        assertThat(ChargeCategory.values()).hasSize(14);
    }

    @Test
    void isDrug_allCategories_trueOnlyForWesternHerbalAndPatent() {
        assertThat(Arrays.stream(ChargeCategory.values()).filter(ChargeCategory::isDrug))
                .containsExactly(ChargeCategory.WESTERN_DRUG, ChargeCategory.HERBAL, ChargeCategory.PATENT_DRUG);
    }

    @Test
    void columnAndLabel_someCategories_areTheCanonicalNames() {
        assertThat(ChargeCategory.BED.column()).isEqualTo("cost_bed");
        assertThat(ChargeCategory.BED.label()).isEqualTo("床位费");
        assertThat(ChargeCategory.WESTERN_DRUG.column()).isEqualTo("cost_western_drug");
        assertThat(ChargeCategory.OTHER.label()).isEqualTo("其他费");
    }
}
