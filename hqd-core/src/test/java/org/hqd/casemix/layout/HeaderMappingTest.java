package org.hqd.casemix.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.junit.jupiter.api.Test;

final class HeaderMappingTest {
    private static final LayoutCatalog BUNDLED = LayoutCatalog.bundled();

    @Test
    void of_hqmsHeader_mapsColumnsSlotsAndFeeSums() {
        List<String> header = List.of("BAH", "XM", "JBDM", "RYBQ", "JBDM1", "RYBQ1", "JBDM3", "SSJCZBM1", "SSJB1",
                "QKDJ1", "ZLCZF", "KFF", "CYSJ", "ZZJGDM", "bah");
        HeaderMapping m = HeaderMapping.of(BUNDLED.named("hqms-codes"), header);

        assertThat(m.sources(AbstractColumn.RECORD_ID)).containsExactly(0);
        assertThat(m.sources(AbstractColumn.COST_TREATMENT)).containsExactly(10, 11);
        assertThat(m.diagnoses()).hasNumberOfRows(3);
        assertThat(m.diagnoses()[0][SlotPart.CODE.ordinal()]).isEqualTo(2);
        assertThat(m.diagnoses()[0][SlotPart.ADMISSION.ordinal()]).isEqualTo(3);
        assertThat(m.diagnoses()[2][SlotPart.ADMISSION.ordinal()]).isEqualTo(-1);
        assertThat(m.procedures()[0][SlotPart.WOUND.ordinal()]).isEqualTo(9);
        assertThat(m.personal(1)).isTrue();
        assertThat(m.use(1)).isNull();
        assertThat(m.use(2)).isEqualTo("主要诊断的编码");
        assertThat(m.use(4)).isEqualTo("其他诊断1的编码");
        assertThat(m.use(10)).isEqualTo("治疗费(cost_treatment)、综合医疗服务类(fee_general_medical)");
        assertThat(m.duplicates()).containsExactly("bah");
        assertThat(m.has(AbstractColumn.PROC_LEVELS)).isTrue();
        assertThat(m.has(AbstractColumn.PROC_DATES)).isFalse();
        assertThat(m.has(AbstractColumn.SECONDARY_DX)).isTrue();
    }

    @Test
    void of_fileWithoutThePrincipalDiagnosisSlot_keepsItsPlaceEmpty() {
        HeaderMapping m = HeaderMapping.of(BUNDLED.named("hqms-codes"), List.of("BAH", "JBDM1", "CYSJ"));

        assertThat(m.diagnoses()[0]).isNull();
        assertThat(m.has(AbstractColumn.PRINCIPAL_DX)).isFalse();
        assertThat(m.missing(AbstractColumn.FOR_GROUPING)).contains(AbstractColumn.PRINCIPAL_DX);
    }

    @Test
    void of_chineseLayout_readsTheRenamedNumberedColumns() {
        HeaderMapping m = HeaderMapping.of(BUNDLED.named("hqms-chinese"), List.of("病案号", "主要诊断编码",
                "其他诊断编码1", "其他诊断入院病情1", "手术及操作编码1", "手术及操作日期1", "住院天数"));

        assertThat(m.diagnoses()[1][SlotPart.ADMISSION.ordinal()]).isEqualTo(3);
        assertThat(m.procedures()[0][SlotPart.DATE.ordinal()]).isEqualTo(5);
        assertThat(m.sources(AbstractColumn.LOS_DAYS)).containsExactly(6); // an alias of 实际住院(天)
    }
}
