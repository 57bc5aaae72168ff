package org.hqd.casemix.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LayoutCatalogTest {
    private static final LayoutCatalog BUNDLED = LayoutCatalog.bundled();

    @Test
    void bundled_isTheCanonicalLayoutAndTheFourNationalOnes() {
        assertThat(BUNDLED.layouts()).extracting(Layout::name)
                .containsExactly("hqd", "hqms-codes", "hqms-chinese", "settlement-flat", "settlement-lines");
        assertThat(BUNDLED.named("hqms-chinese").codeEdition()).isEqualTo(CodeEdition.CLINICAL);
        assertThat(BUNDLED.named("settlement-lines").isLineForm()).isTrue();
    }

    @Test
    void recognise_hqmsCodes_findsTheCodeLayout() {
        assertThat(BUNDLED.recognise(List.of("ZZJGDM", "BAH", "XB", "JBDM", "JBDM1", "CYSJ", "ZFY")))
                .map(m -> m.layout().name()).contains("hqms-codes");
    }

    @Test
    void recognise_chineseNamesWithBlanksAndFullWidthBrackets_findsTheChineseLayout() {
        assertThat(BUNDLED.recognise(List.of("\uFEFF病案号", "主要诊断编码", "出院时间", "实际住院（天）", "其他诊断编码 1")))
                .map(m -> m.layout().name()).contains("hqms-chinese");
    }

    @Test
    void recognise_settlementExports_tellTheFlatFromTheLineForm() {
        assertThat(BUNDLED.recognise(List.of("清单流水号", "定点医药机构编码", "主要诊断代码"))).map(m -> m.layout().name())
                .contains("settlement-flat");
        assertThat(BUNDLED.recognise(List.of("清单流水号", "定点医药机构编码", "诊断代码", "主诊断标志")))
                .map(m -> m.layout().name()).contains("settlement-lines");
    }

    @Test
    void recognise_canonicalHeader_isTheCanonicalLayout() {
        assertThat(BUNDLED.recognise(List.of("hospital_id", "record_id", "principal_dx"))).map(m -> m.layout().name())
                .contains("hqd");
    }

    @Test
    void closest_headerMissingARecognisingColumn_isTheLayoutWithMostOfThem() {
        List<String> header = List.of("BAH", "XB", "CYSJ", "ZFY");

        assertThat(BUNDLED.recognise(header)).isEmpty();
        HeaderMapping m = BUNDLED.closest(header);
        assertThat(m.layout().name()).isEqualTo("hqms-codes");
        assertThat(m.missing(AbstractColumn.FOR_IMPORT)).contains(AbstractColumn.PRINCIPAL_DX,
                AbstractColumn.HOSPITAL_ID);
        assertThat(m.expected(AbstractColumn.PRINCIPAL_DX)).isEqualTo("主要诊断(principal_dx)：JBDM");
    }

    @Test
    void withFolder_vendorLayoutExtendingTheChineseOne_winsOverItForItsSpelling(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("vendor.json"), """
                {"format": "hqd-layout/1", "name": "vendor-a", "title": "某厂商病案首页导出", "extends": "hqms-chinese",
                 "recognise": ["病案号", "主诊断编码", "出院日期"],
                 "aliases": {"主要诊断编码": ["主诊断编码"], "出院时间": ["出院日期"]},
                 "codes": {"sex": {"M": "1", "F": "2"}}}
                """);

        LayoutCatalog c = BUNDLED.withFolder(tmp);
        HeaderMapping m = c.recognise(List.of("病案号", "组织机构代码", "主诊断编码", "出院日期", "性别")).orElseThrow();

        assertThat(m.layout().name()).isEqualTo("vendor-a");
        assertThat(m.has(AbstractColumn.PRINCIPAL_DX)).isTrue();
        assertThat(m.sources(AbstractColumn.DISCHARGE_DATE)).containsExactly(3);
        assertThat(m.codes(AbstractColumn.SEX)).containsEntry("男", "1").containsEntry("M", "1");
    }

    @Test
    void withFolder_layoutNamedLikeABundledOne_isRefused(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("x.json"), """
                {"format": "hqd-layout/1", "name": "hqms-codes", "title": "重名", "extends": "hqms-codes"}
                """);

        assertThatThrownBy(() -> BUNDLED.withFolder(tmp)).isInstanceOf(HqdException.class)
                .hasMessageContaining("格式名 hqms-codes 已被使用");
    }

    @Test
    void named_unknown_listsTheLayouts() {
        assertThatThrownBy(() -> BUNDLED.named("nope")).isInstanceOf(HqdException.class)
                .hasMessageContaining("没有名为 'nope' 的文件格式；可用的格式：hqd、hqms-codes");
    }
}
