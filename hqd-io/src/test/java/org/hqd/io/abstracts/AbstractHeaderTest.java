package org.hqd.io.abstracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.junit.jupiter.api.Test;

final class AbstractHeaderTest {
    private static final List<String> GROUPING_HEADER = List.of("hospital_id", "record_id", "sex", "age_years",
            "age_days", "birth_weight_g", "los_days", "discharge_method", "principal_dx", "secondary_dx",
            "principal_proc", "other_procs");

    @Test
    void of_columnsInAnyOrderWithUnknownOnes_findsEachColumn() {
        List<String> names = List.of("备注", "principal_dx", "x_extra", "Record_ID ", " sex", "los_days");
        AbstractHeader h = AbstractHeader.of(names, EnumSet.of(AbstractColumn.RECORD_ID, AbstractColumn.SEX),
                "a.csv");
        assertThat(h.width()).isEqualTo(6);
        assertThat(h.indexOf(AbstractColumn.PRINCIPAL_DX)).isEqualTo(1);
        assertThat(h.indexOf(AbstractColumn.RECORD_ID)).isEqualTo(3);
        assertThat(h.indexOf(AbstractColumn.SEX)).isEqualTo(4);
        assertThat(h.indexOf(AbstractColumn.LOS_DAYS)).isEqualTo(5);
        assertThat(h.indexOf(AbstractColumn.AGE_YEARS)).isEqualTo(-1);
        assertThat(h.present()).isEqualTo(Map.of(AbstractColumn.PRINCIPAL_DX, 1, AbstractColumn.RECORD_ID, 3,
                AbstractColumn.SEX, 4, AbstractColumn.LOS_DAYS, 5));
    }

    @Test
    void of_duplicateColumn_isRefusedNamingBothPlaces() { // issue #15 item 10: not one of them used silently
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AbstractHeader.of(List.of("sex", "record_id", "SEX "),
                Set.of(), "a.csv")).isInstanceOf(org.hqd.HqdException.class)
                .hasMessage("a.csv：表头中列 sex（第 1 列和第 3 列）出现两次，无法确定用哪一列；请删去重复的列");
    }

    @Test
    void of_unknownColumnTwice_isIgnoredLikeAnyUnknownColumn() {
        AbstractHeader h = AbstractHeader.of(List.of("note", "record_id", "note"), Set.of(), "a.csv");
        assertThat(h.indexOf(AbstractColumn.RECORD_ID)).isEqualTo(1);
        assertThat(h.width()).isEqualTo(3);
    }

    @Test
    void of_allGroupingColumns_passes() {
        AbstractHeader h = AbstractHeader.of(GROUPING_HEADER, AbstractColumn.FOR_GROUPING, "a.csv");
        assertThat(h.present().keySet()).containsAll(AbstractColumn.FOR_GROUPING);
        assertThat(h.present()).hasSize(12);
    }

    @Test
    void of_missingOneRequiredColumn_namesItWithChineseLabel() {
        List<String> names = new ArrayList<>(GROUPING_HEADER);
        names.remove("principal_dx");
        assertThatThrownBy(() -> AbstractHeader.of(names, AbstractColumn.FOR_GROUPING, "abstracts.csv"))
                .isInstanceOf(HqdException.class)
                .hasMessage("abstracts.csv：缺少必需的列 主要诊断(principal_dx)。第一行应为表头；hqd layouts check 文件 可列出各列的用途和缺少的列");
    }

    @Test
    void of_missingTwoRequiredColumns_namesBoth() {
        List<String> names = new ArrayList<>(GROUPING_HEADER);
        names.remove("sex");
        names.remove("birth_weight_g");
        assertThatThrownBy(() -> AbstractHeader.of(names, AbstractColumn.FOR_GROUPING, "abstracts.csv"))
                .isInstanceOf(HqdException.class)
                .hasMessageContaining("缺少必需的列 性别(sex)、新生儿出生体重(克)(birth_weight_g)。")
                .hasMessageNotContaining("没有可识别的表头");
    }

    @Test
    void of_noKnownColumn_saysThereIsNoHeader() {
        List<String> firstDataLine = List.of("H001", "R1", "1", "45");
        assertThatThrownBy(() -> AbstractHeader.of(firstDataLine, AbstractColumn.FOR_GROUPING, "abstracts.csv"))
                .isInstanceOf(HqdException.class)
                .hasMessageStartingWith("abstracts.csv：没有可识别的表头，缺少必需的列 病案号(record_id)、性别(sex)、")
                .hasMessageContaining("其他手术操作(other_procs)");
    }
}
