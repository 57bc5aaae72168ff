package org.hqd.casemix.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.junit.jupiter.api.Test;

final class LayoutLoaderTest {
    private final LayoutLoader loader = new LayoutLoader(LayoutCatalog.bundled()::byName);

    @Test
    void load_minimalLayout_readsColumnsFactorsAndFold() {
        Layout l = loader.load("""
                {"format": "hqd-layout/1", "name": "mini", "title": "最小", "kind": "settlement",
                 "codeEdition": "insurance", "recognise": ["号"],
                 "columns": {"record_id": "号", "principal_dx": "主诊", "icu_hours": [{"column": "ICU天", "times": 24},
                   "ICU小时", {"column": "ICU分", "per": 60}]},
                 "fold": {"cost_bed": "cost_other"}}
                """, "mini.json");

        assertThat(l.columns().get(AbstractColumn.ICU_HOURS)).extracting(SourceColumn::factor)
                .containsExactly(24.0, 1.0, 1 / 60.0);
        assertThat(l.fold()).containsEntry(ChargeCategory.BED, ChargeCategory.OTHER);
        assertThat(l.kind()).isEqualTo(LayoutKind.SETTLEMENT);
    }

    @Test
    void load_brokenLayout_reportsEveryProblemWithItsPlace() {
        assertThatThrownBy(() -> loader.load("""
                {"format": "hqd-layout/2", "name": "Bad Name", "title": "坏", "kind": "homepage",
                 "codeEdition": "clinical", "recognise": [],
                 "columns": {"no_such": "x", "department": "姓名", "principal_dx": "主诊"},
                 "personal": ["姓名"], "codes": {"total_cost": {"a": "b"}}}
                """, "bad.json"))
                .isInstanceOf(LayoutException.class)
                .hasMessageContaining("格式定义 bad.json 有 6 处错误")
                .hasMessageContaining("/format：应为 \"hqd-layout/1\"")
                .hasMessageContaining("/name：'Bad Name' 无效")
                .hasMessageContaining("/recognise：应列出识别此格式的表头列")
                .hasMessageContaining("/columns/no_such：不是标准列名")
                .hasMessageContaining("/codes/total_cost：代码表只能用于")
                .hasMessageContaining("/columns/department：个人信息列 姓名 只能作为 patient_id（假名化）读取");
    }

    @Test
    void load_extendsWithRename_renamesExactAndNumberedColumns() {
        Layout l = loader.load("""
                {"format": "hqd-layout/1", "name": "renamed", "title": "改名", "extends": "hqms-codes",
                 "recognise": ["病案号"], "rename": {"BAH": "病案号", "JBDM{n}": "诊断{n}"}}
                """, "r.json");

        assertThat(l.columns().get(AbstractColumn.RECORD_ID)).containsExactly(SourceColumn.of("病案号"));
        assertThat(l.diagnoses().get(0).column(SlotPart.CODE)).contains("JBDM");
        assertThat(l.diagnoses().get(12).column(SlotPart.CODE)).contains("诊断12");
        assertThat(l.codeEdition()).isEqualTo(CodeEdition.CLINICAL);
        assertThat(l.lines()).isEqualTo(Optional.empty());
    }

    @Test
    void load_bundledHqms_hasFortyDiagnosisSlotsAfterThePrincipalAndFortyProcedures() {
        Layout l = LayoutCatalog.bundled().named("hqms-codes");

        assertThat(l.diagnoses()).hasSize(41);
        assertThat(l.procedures()).hasSize(40);
        assertThat(l.procedures().get(0).column(SlotPart.LEVEL)).contains("SSJB1");
    }
}
