package org.hqd.io.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ResultCsvTest {

    private static String field(String v) {
        return ResultCsv.field(new StringBuilder(), v).toString();
    }

    private static GroupingResult grouped(String recordId, String drgName, boolean cc, boolean mcc,
                                          List<String> trace) {
        return new GroupingResult(recordId, GroupingStatus.GROUPED, "MDCG", "GD2", "GD23", drgName, cc, mcc, "",
                List.of(), List.of(), trace);
    }

    @Test
    void header_isTheDocumentedColumns() {
        assertThat(ResultCsv.HEADER).isEqualTo("record_id,status,mdc,adrg,drg,drg_name,cc,mcc");
        assertThat(ResultCsv.HEADER_TRACED).isEqualTo("record_id,status,mdc,adrg,drg,drg_name,cc,mcc,trace");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', emptyValue = "", value = {
            "abc|abc",
            "''|''",
            "' lead and trail '|' lead and trail '",
            "阑尾切除术，伴并发症或合并症|阑尾切除术，伴并发症或合并症",
    })
    void field_plainText_isWrittenAsIs(String value, String expected) {
        assertThat(field(value)).isEqualTo(expected);
    }

    @Test
    void field_comma_isQuoted() {
        assertThat(field("a,b")).isEqualTo("\"a,b\"");
        assertThat(field(",")).isEqualTo("\",\"");
    }

    @Test
    void field_quote_isQuotedAndDoubled() {
        assertThat(field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(field("\"")).isEqualTo("\"\"\"\"");
    }

    @Test
    void field_lineBreaks_areQuoted() {
        assertThat(field("l1\nl2")).isEqualTo("\"l1\nl2\"");
        assertThat(field("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(field("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }

    @Test
    void field_appendsToBuilderAndReturnsIt() {
        StringBuilder sb = new StringBuilder("x=");
        assertThat(ResultCsv.field(sb, "1,2")).isSameAs(sb);
        assertThat(sb).hasToString("x=\"1,2\"");
    }

    @Test
    void field_anyText_readsBackThroughScanner() {
        List<String> values = List.of("plain", "", "a,b", "\"", "say \"hi\", ok", "l1\nl2", "x\r\ny", "中文，全角",
                "\"\"\"", " ,\n\" ");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            ResultCsv.field(line, values.get(i));
        }
        line.append('\n');
        byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
        CsvScanner s = CsvScanner.utf8();
        s.reset(new CsvChunk(b, b.length, 1, 0));
        assertThat(s.next()).isTrue();
        List<String> back = new ArrayList<>();
        for (int i = 0; i < s.fieldCount(); i++) {
            back.add(s.field(i));
        }
        assertThat(back).isEqualTo(values);
        assertThat(s.next()).isFalse();
    }

    @Test
    void append_groupedResult_writesOneLine() {
        StringBuilder sb = new StringBuilder();
        ResultCsv.append(sb, grouped("R1", "阑尾切除术，伴并发症或合并症", true, false, List.of()), false);
        ResultCsv.append(sb, grouped("R,2", "名称,带逗号", false, true, List.of()), false);
        assertThat(sb).hasToString("R1,GROUPED,MDCG,GD2,GD23,阑尾切除术，伴并发症或合并症,1,0\n"
                + "\"R,2\",GROUPED,MDCG,GD2,GD23,\"名称,带逗号\",0,1\n");
    }

    @Test
    void append_invalidResult_leavesCcAndMccEmpty() {
        StringBuilder sb = new StringBuilder();
        ResultCsv.append(sb, GroupingResult.invalid("R3", "性别(sex)缺失", List.of()), false);
        assertThat(sb).hasToString("R3,INVALID,,,,,,\n");
    }

    @Test
    void append_ungroupableResult_writesDrg0000() {
        StringBuilder sb = new StringBuilder();
        ResultCsv.append(sb, new GroupingResult("R4", GroupingStatus.UNGROUPABLE, "", "", "0000", "", true, false,
                "", List.of(), List.of(), List.of()), false);
        assertThat(sb).hasToString("R4,UNGROUPABLE,,,0000,,1,0\n");
    }

    @Test
    void append_traced_numbersStepsOnePerLineOfCell() {
        StringBuilder sb = new StringBuilder();
        ResultCsv.append(sb, grouped("R1", "n", false, false, List.of("进入 MDCG", "匹配 GD2，\"规则\"", "入组 GD23")),
                true);
        assertThat(sb).hasToString("R1,GROUPED,MDCG,GD2,GD23,n,0,0,\"1. 进入 MDCG\n2. 匹配 GD2，\"\"规则\"\"\n3. 入组 GD23\"\n");
    }

    @Test
    void append_tracedWithOneStep_isUnquoted() {
        StringBuilder sb = new StringBuilder();
        ResultCsv.append(sb, GroupingResult.invalid("R3", "r", List.of("读取不通过：r")), true);
        assertThat(sb).hasToString("R3,INVALID,,,,,,,1. 读取不通过：r\n");
    }

    @Test
    void append_tracedWithoutSteps_endsWithEmptyCell() {
        StringBuilder sb = new StringBuilder();
        ResultCsv.append(sb, grouped("R1", "n", true, true, List.of()), true);
        assertThat(sb).hasToString("R1,GROUPED,MDCG,GD2,GD23,n,1,1,\n");
    }

    @Test
    void numbered_steps_areNumberedFromOne() {
        assertThat(ResultCsv.numbered(List.of())).isEmpty();
        assertThat(ResultCsv.numbered(List.of("a"))).isEqualTo("1. a");
        assertThat(ResultCsv.numbered(List.of("a", "b", "c"))).isEqualTo("1. a\n2. b\n3. c");
    }
}
