package org.hqd.casemix.abstracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class AbstractColumnTest {

    @Test
    void charge_everyCategory_hasTheColumnOfTheSameName() {
        for (ChargeCategory k : ChargeCategory.values()) {
            AbstractColumn c = AbstractColumn.byName(k.column()).orElseThrow();
            assertThat(c.charge()).as(k.column()).contains(k);
            assertThat(c.label()).isEqualTo(k.label());
        }
    }

    @Test
    void charge_firstAndLastCostColumns_mapToBedAndOther() {
        assertThat(AbstractColumn.COST_BED.charge()).contains(ChargeCategory.BED);
        assertThat(AbstractColumn.COST_WESTERN_DRUG.charge()).contains(ChargeCategory.WESTERN_DRUG);
        assertThat(AbstractColumn.COST_OTHER.charge()).contains(ChargeCategory.OTHER);
    }

    @Test
    void charge_nonChargeColumns_areEmpty() {
        assertThat(AbstractColumn.TOTAL_COST.charge()).isEmpty();
        assertThat(AbstractColumn.PAYER.charge()).isEmpty();
        assertThat(AbstractColumn.HOSPITAL_ID.charge()).isEmpty();
        assertThat(AbstractColumn.PRINCIPAL_DX.charge()).isEmpty();
    }

    @Test
    void charge_exactlyFourteenColumns_haveACategory() {
        long n = java.util.Arrays.stream(AbstractColumn.values()).filter(c -> c.charge().isPresent()).count();

        assertThat(n).isEqualTo(14);
    }

    @Test
    void byName_caseAndBlanks_ignored() {
        assertThat(AbstractColumn.byName(" Principal_DX ")).contains(AbstractColumn.PRINCIPAL_DX);
        assertThat(AbstractColumn.byName("los_days")).contains(AbstractColumn.LOS_DAYS);
        assertThat(AbstractColumn.byName("主要诊断")).isEmpty();
        assertThat(AbstractColumn.byName("")).isEmpty();
    }

    @Test
    void named_principalDx_isLabelAndColumn() {
        assertThat(AbstractColumn.PRINCIPAL_DX.named()).isEqualTo("主要诊断(principal_dx)");
    }

    @Test
    void forGrouping_columns_areTheGroupingInputs() {
        assertThat(AbstractColumn.FOR_GROUPING).contains(AbstractColumn.SEX, AbstractColumn.AGE_DAYS,
                AbstractColumn.BIRTH_WEIGHT_G, AbstractColumn.PRINCIPAL_DX, AbstractColumn.OTHER_PROCS)
                .doesNotContain(AbstractColumn.TOTAL_COST, AbstractColumn.COST_BED);
    }
}
