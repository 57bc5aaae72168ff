package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hqd.casemix.grouping.TinyPack.adult;
import static org.hqd.casemix.grouping.TinyPack.procedures;

import java.util.Arrays;
import java.util.List;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.junit.jupiter.api.Test;

/**
 * The trace of a grouping: which MDC was entered, which ADRG rule matched, which secondary diagnosis counted as a
 * CC/MCC or which exclusion table removed it, and which DRG was chosen. Lines are found by the code they name
 * and the kind of step (their first word), not by whole sentences.
 */
final class TraceTest {

    private static List<String> trace(DischargeAbstract.Builder b) {
        return TinyPack.group(b, GroupingOptions.TRACED).trace();
    }

    /** The single line starting with this step word, e.g. "进入" (enter), "匹配" (match), "入组" (grouped into). */
    private static String line(List<String> trace, String step) {
        List<String> hits = trace.stream().filter(l -> l.startsWith(step)).toList();
        assertThat(hits).as("lines starting with %s in %s", step, trace).hasSize(1);
        return hits.get(0);
    }

    /** The head of the complication line, before the first colon: it names the principal's exclusion table. */
    private static String complicationHead(List<String> trace) {
        String l = line(trace, "并发症评估");
        return l.substring(0, l.indexOf('：'));
    }

    /** The part of the complication line that is about one secondary diagnosis. */
    private static String complicationOf(List<String> trace, String code) {
        String l = line(trace, "并发症评估");
        List<String> parts = Arrays.stream(l.substring(l.indexOf('：') + 1).split("；"))
                .filter(p -> p.startsWith(code)).toList();
        assertThat(parts).as("parts about %s in %s", code, l).hasSize(1);
        return parts.get(0);
    }

    @Test
    void group_notTraced_traceIsEmpty() {
        assertThat(TinyPack.group(procedures(adult("C10.000", "H02.000"), "10.0100")).trace()).isEmpty();
    }

    @Test
    void group_traced_namesMdcAdrgRuleCcAndDrg() {
        List<String> t = trace(procedures(adult("C10.000", "H02.000"), "10.0100"));

        assertThat(line(t, "进入")).contains("MDCC").contains("C10.000");
        assertThat(line(t, "匹配")).contains("CA1").contains("10.0100");
        assertThat(line(t, "不选")).contains("CA11");
        assertThat(line(t, "入组")).contains("CA13").contains("H02.000");
        assertThat(complicationHead(t)).doesNotContain("10").doesNotContain("20"); // C10.000 has no table
        assertThat(complicationOf(t, "H02.000")).contains("40").contains("计为 CC");
        assertThat(t).noneMatch(l -> l.contains("CQY") || l.contains("MDCD"));
    }

    @Test
    void group_traced_inputLineNamesCodesWithTheirDictionaryNames() {
        List<String> t = trace(procedures(adult("C10.000", "H02.000"), "10.0100"));

        assertThat(line(t, "病例")).contains("C10.000 两个MDC都收的诊断").contains("H02.000 测试并发症乙")
                .contains("10.0100 测试手术甲");
    }

    @Test
    void group_traced_ruleIdAndAdrgCodeBothNamed() {
        List<String> t = trace(adult("C11.000"));

        assertThat(line(t, "匹配")).contains("DA1").contains("DA1_2");
    }

    @Test
    void group_secondaryExcludedByThePrincipalsTable_traceNamesTheTable() {
        List<String> t = trace(adult("B01.000", "M01.000", "H02.000"));

        assertThat(complicationHead(t)).contains("10");
        assertThat(complicationOf(t, "M01.000")).contains("MCC").contains("10").contains("排除").contains("不计");
        assertThat(complicationOf(t, "H02.000")).contains("40").contains("计为 CC").doesNotContain("不计");
        assertThat(line(t, "入组")).contains("BA13");
    }

    @Test
    void group_secondaryNeitherCcNorMcc_traceSaysSo() {
        List<String> t = trace(adult("B03.000", "Z99.000"));

        assertThat(complicationOf(t, "Z99.000")).doesNotContain("计为").doesNotContain("排除表");
        assertThat(line(t, "入组")).contains("BA15");
    }

    @Test
    void group_onlyOneDiagnosis_traceSaysNoComplication() {
        List<String> t = trace(adult("B04.000"));

        assertThat(line(t, "并发症评估")).contains("CC/MCC").doesNotContain("B04.000");
    }

    @Test
    void group_fallback_traceNamesTheFallback() {
        List<String> t = trace(procedures(adult("C10.000").losDays(9), "10.0100"));

        assertThat(t).filteredOn(l -> l.startsWith("不选")).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("CA11"))
                .anySatisfy(l -> assertThat(l).contains("CA13"));
        assertThat(line(t, "没有 DRG")).contains("CA1");
        assertThat(t).noneMatch(l -> l.startsWith("入组"));
    }

    @Test
    void group_mdcPassedOn_traceNamesBothMdcs() {
        List<String> t = trace(adult("C11.000"));

        List<String> entered = t.stream().filter(l -> l.startsWith("进入")).toList();
        assertThat(entered).hasSize(2);
        assertThat(entered.get(0)).contains("MDCC");
        assertThat(entered.get(1)).contains("MDCD");
        String left = line(t, "MDCC"); // MDCC left without a result, before MDCD is entered
        assertThat(left).contains("ADRG");
        assertThat(t.indexOf(left)).isBetween(t.indexOf(entered.get(0)) + 1, t.indexOf(entered.get(1)) - 1);
        assertThat(line(t, "入组")).contains("DA13");
    }

    @Test
    void group_ambiguous_traceNamesProcedureAndGroup() {
        List<String> t = trace(procedures(adult("C12.000"), "12.0100", "11.0100"));

        assertThat(line(t, "歧义检查")).contains("11.0100").contains("CQY").contains("MDCC");
    }

    @Test
    void group_ungroupable_traceEndsWithTheUngroupableCode() {
        List<String> t = trace(adult("D01.000"));

        assertThat(line(t, "进入")).contains("MDCD");
        assertThat(t.get(t.size() - 1)).contains("0000");
    }

    @Test
    void group_unknownSecondary_traceCarriesTheWarning() {
        List<String> t = trace(adult("B03.000", "X99.999"));

        assertThat(line(t, "警告")).contains("X99.999");
        assertThat(complicationOf(t, "X99.999")).contains("未知");
    }

    @Test
    void group_mappedCodes_traceShowsTheMapping() {
        List<String> t = TinyPack.group(adult("B02.000x001", "H02.000x002"), new GroupingOptions(true, true)).trace();

        List<String> mappings = t.stream().filter(l -> l.startsWith("编码映射")).toList();
        assertThat(mappings).hasSize(2);
        assertThat(mappings.get(0)).contains("B02.000x001").endsWith("B02.000");
        assertThat(mappings.get(1)).contains("H02.000x002").endsWith("H02.000");
        assertThat(line(t, "入组")).contains("BA13");
    }
}
