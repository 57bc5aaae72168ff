package org.hqd.io.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.conformance.ConformanceCase;
import org.hqd.io.conformance.ConformanceSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class GroupFileJobTest {
    private static final String HEADER = "hospital_id,record_id,sex,age_years,age_days,birth_weight_g,los_days,"
            + "discharge_method,department,principal_dx,secondary_dx,principal_proc,other_procs";
    private static final Charset GBK = Charset.forName("GBK");
    private static final String SEX_MISSING = "性别(sex)缺失或无效：应为 1（男）或 2（女）";

    private static DrgGrouper grouper;
    private static List<ConformanceCase> cases;

    @BeforeAll
    static void loadPack() {
        grouper = DrgGrouper.of(RulePackCatalog.bundled().load("chs-drg-1.1"));
        cases = ConformanceSuite.bundled("chs-drg-1.1").cases();
    }

    /** What a run wrote and reported. */
    private record Run(String output, GroupingSummary summary, List<InvalidRow> invalid) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private static Run run(byte[] input, GroupFileJob.Settings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<InvalidRow> invalid = Collections.synchronizedList(new ArrayList<>());
        GroupingSummary summary = new GroupFileJob(grouper, settings)
                .run(new ByteArrayInputStream(input), "in.csv", out, invalid::add);
        return new Run(out.toString(StandardCharsets.UTF_8), summary, List.copyOf(invalid));
    }

    private static GroupFileJob.Settings settings(Charset cs, GroupingOptions options, int threads, int chunk) {
        return new GroupFileJob.Settings(cs, options, threads, chunk);
    }

    private static Run run(String input) throws IOException {
        return run(input.getBytes(StandardCharsets.UTF_8), settings(StandardCharsets.UTF_8, GroupingOptions.DEFAULT,
                2, 1024));
    }

    private static String num(int v) {
        return v == DischargeAbstract.UNKNOWN ? "" : Integer.toString(v);
    }

    private static String quoted(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** A row of {@link #HEADER} for an abstract, with the given (already quoted if need be) department cell. */
    private static String row(DischargeAbstract a, String recordId, String departmentCell) {
        return row(a, recordId, a.sex().code(), departmentCell);
    }

    private static String row(DischargeAbstract a, String recordId, String sexCell, String departmentCell) {
        return String.join(",", "H001", recordId, sexCell, num(a.ageYears()), num(a.ageDays()),
                num(a.birthWeightG()), num(a.losDays()), a.dischargeMethod(), departmentCell, a.principalDx(),
                String.join("|", a.secondaryDx()), a.principalProc(), String.join("|", a.otherProcs()));
    }

    private static String resultLine(GroupingResult r, boolean trace) {
        StringBuilder sb = new StringBuilder();
        ResultCsv.append(sb, r, trace);
        return sb.toString();
    }

    private static long newlines(CharSequence s) {
        return s.chars().filter(c -> c == '\n').count();
    }

    private static GroupingStatus statusOfLabel(String label) {
        for (GroupingStatus s : GroupingStatus.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException(label);
    }

    /** The conformance cases as a file, with multi-line departments and invalid rows mixed in. */
    private record BigFile(String csv, String expectedOutput, List<InvalidRow> expectedInvalid, int bad) { }

    private static BigFile bigFile(String lineEnd) {
        StringBuilder csv = new StringBuilder(HEADER).append(lineEnd);
        StringBuilder expected = new StringBuilder(ResultCsv.HEADER).append('\n');
        List<InvalidRow> invalid = new ArrayList<>();
        long line = 2;
        int bad = 0;
        for (int i = 0; i < cases.size(); i++) {
            DischargeAbstract a = cases.get(i).input();
            String dept = i % 7 == 0 ? quoted("普通外科\n第" + i + "病区,东院 \"新楼\"") : "外科" + (i % 10);
            String r = row(a, a.recordId(), dept) + lineEnd;
            csv.append(r);
            expected.append(resultLine(grouper.group(a), false));
            line += newlines(r);
            if (i % 97 == 5) {
                String badId = "BAD-" + i;
                csv.append(row(a, badId, "", "科室")).append(lineEnd);
                expected.append(badId).append(",INVALID,,,,,,\n");
                invalid.add(new InvalidRow(line, badId, SEX_MISSING));
                line++;
                bad++;
            }
            if (i % 500 == 250) {
                csv.append(lineEnd);
                line++;
            }
        }
        return new BigFile(csv.toString(), expected.toString(), invalid, bad);
    }

    @Test
    void run_anyInput_writesResultHeader() throws IOException {
        Run r = run(HEADER + "\n");
        assertThat(r.output()).isEqualTo("record_id,status,mdc,adrg,drg,drg_name,cc,mcc\n");
        assertThat(r.summary().cases()).isZero();
        assertThat(r.invalid()).isEmpty();
    }

    @Test
    void run_traced_writesTraceColumnMatchingGrouper() throws IOException {
        String csv = HEADER + "\n"
                + "H001,R1,1,45,,,6,1,外科,K35.800x001,J18.900,47.0100,\n"
                + "H001,R2,1,abc,,,6,1,外科,K35.800x001,,47.0100,\n"
                + "H001,R3,1,0,10,,3,1,新生儿科,P93.x02,,,\n";
        Run r = run(csv.getBytes(StandardCharsets.UTF_8), settings(StandardCharsets.UTF_8, GroupingOptions.TRACED,
                1, 1024));
        DischargeAbstract r1 = DischargeAbstract.builder().hospitalId("H001").recordId("R1")
                .sex(Sex.MALE).ageYears(45).losDays(6).dischargeMethod("1")
                .department("外科").principalDx("K35.800x001").secondaryDx(List.of("J18.900"))
                .principalProc("47.0100").build();
        DischargeAbstract r3 = DischargeAbstract.builder().hospitalId("H001").recordId("R3")
                .sex(Sex.MALE).ageYears(0).ageDays(10).losDays(3).dischargeMethod("1")
                .department("新生儿科").principalDx("P93.x02").build();
        GroupingResult traced1 = grouper.group(r1, GroupingOptions.TRACED);
        assertThat(traced1.trace()).hasSizeGreaterThan(2);
        assertThat(r.output()).isEqualTo("record_id,status,mdc,adrg,drg,drg_name,cc,mcc,trace\n"
                + resultLine(traced1, true)
                + "R2,INVALID,,,,,,,1. 读取不通过：年龄(岁)(age_years) 不是非负整数\n"
                + resultLine(grouper.group(r3, GroupingOptions.TRACED), true));
        assertThat(r.lines().get(1)).startsWith("R1,GROUPED,MDCG,GD2,GD23,阑尾切除术，伴并发症或合并症,1,0,\"1. ");
    }

    @Test
    void run_handWrittenRows_givesResultsAndInvalidRowsWithLinesAndReasons() throws IOException {
        String csv = HEADER + "\n"                                                                        // 1
                + "H001,R1,1,45,,,6,1,普外科,K35.800x001,J18.900,47.0100,\n"                               // 2
                + "H001,R2,1,45,16400,,6,1,\"普外科\n一病区\",K35.800x001,,47.0100,\n"                      // 3-4
                + "H001,R3,,45,,,6,1,外科,K35.800x001,,47.0100,\n"                                          // 5
                + "\n"                                                                                      // 6
                + "H001,R4,2,30,,,3,1,内科,,,,\n"                                                           // 7
                + "H001,R5,1,0,10,,3,1,新生儿科,P93.x02,,,\n"                                               // 8
                + "H001,R6,1,abc,,,6,1,外科,K35.800x001,,47.0100,\n"                                        // 9
                + "H001,R7,1,45,,,6,1,外科,K35.800x001,J18.900,47.0100,,extra\n"                            // 10
                + "H001,R8,2,90,32921,,2,5,0,Z91.501,A50.400x003+G05.0*|K28.400x002|B20.500x001,12.8800,46.3900x008\n"
                + "H001,R9,1,0,10,3000,3,1,新生儿科,P93.x02,,,\n"                                           // 12
                + "H001,R10,1,45,,,6,1,\"外科,open";                                                       // 13
        Run r = run(csv);
        assertThat(r.lines()).containsExactly(
                "record_id,status,mdc,adrg,drg,drg_name,cc,mcc",
                "R1,GROUPED,MDCG,GD2,GD23,阑尾切除术，伴并发症或合并症,1,0",
                "R2,GROUPED,MDCG,GD2,GD25,阑尾切除术，不伴并发症或合并症,0,0",
                "R3,INVALID,,,,,,",
                "R4,INVALID,,,,,,",
                "R5,INVALID,,,,,,",
                "R6,INVALID,,,,,,",
                "R7,INVALID,,,,,,",
                "R8,UNGROUPABLE,,,0000,,1,1",
                "R9,GROUPED,MDCP,PU1,PU15,足月儿，不伴并发症或合并症,0,0",
                "R10,INVALID,,,,,,");
        assertThat(r.invalid()).containsExactly(
                new InvalidRow(5, "R3", SEX_MISSING),
                new InvalidRow(7, "R4", "主要诊断(principal_dx)缺失：没有诊断的病例无法分组"),
                new InvalidRow(8, "R5", "新生儿出生体重(克)(birth_weight_g)缺失：28天以内的新生儿须填写出生体重"),
                new InvalidRow(9, "R6", "年龄(岁)(age_years) 不是非负整数"),
                new InvalidRow(10, "R7", "第 10 行有 14 个字段，表头有 13 个（逗号未加引号或行被截断）"),
                new InvalidRow(13, "R10", "第 13 行引号未闭合（文件可能被截断）"));
        GroupingSummary s = r.summary();
        assertThat(s.cases()).isEqualTo(10);
        assertThat(s.count(GroupingStatus.GROUPED)).isEqualTo(3);
        assertThat(s.count(GroupingStatus.UNGROUPABLE)).isEqualTo(1);
        assertThat(s.count(GroupingStatus.AMBIGUOUS)).isZero();
        assertThat(s.count(GroupingStatus.INVALID)).isEqualTo(6);
        assertThat(s.byStatus()).containsOnlyKeys(GroupingStatus.values());
    }

    @Test
    void run_adultWithoutAgeDays_isGrouped() throws IOException {
        Run r = run(HEADER + "\nH001,R1,2,60,,,9,1,,K35.800x001,,47.0100,\n");
        assertThat(r.lines()).containsExactly(ResultCsv.HEADER,
                "R1,GROUPED,MDCG,GD2,GD25,阑尾切除术，不伴并发症或合并症,0,0");
        assertThat(r.invalid()).isEmpty();
    }

    @Test
    void run_conformanceCasesOnTwoThreadsWithTinyChunks_keepsOrderAndMatchesDirectGrouping() throws IOException {
        BigFile f = bigFile("\n");
        byte[] input = f.csv().getBytes(StandardCharsets.UTF_8);
        assertThat(input.length).isGreaterThan(100 * 1024);
        Run r = run(input, settings(StandardCharsets.UTF_8, GroupingOptions.DEFAULT, 2, 1024));

        assertThat(r.lines()).hasSize(1 + cases.size() + f.bad());
        assertThat(r.output()).isEqualTo(f.expectedOutput());
        assertThat(r.invalid()).isEqualTo(f.expectedInvalid());
        assertThat(f.bad()).isGreaterThan(200);

        long[] published = new long[GroupingStatus.values().length];
        for (ConformanceCase c : cases) {
            published[statusOfLabel(c.status()).ordinal()]++;
        }
        GroupingSummary s = r.summary();
        assertThat(s.cases()).isEqualTo(cases.size() + f.bad());
        assertThat(s.count(GroupingStatus.GROUPED)).isEqualTo(published[GroupingStatus.GROUPED.ordinal()]);
        assertThat(s.count(GroupingStatus.UNGROUPABLE)).isEqualTo(published[GroupingStatus.UNGROUPABLE.ordinal()]);
        assertThat(s.count(GroupingStatus.AMBIGUOUS)).isEqualTo(published[GroupingStatus.AMBIGUOUS.ordinal()]);
        assertThat(s.count(GroupingStatus.INVALID)).isEqualTo(f.bad());
        assertThat(s.count(GroupingStatus.UNGROUPABLE)).isPositive();

        Run defaults = run(input, GroupFileJob.Settings.defaults(GroupingOptions.DEFAULT));
        assertThat(defaults.output()).isEqualTo(r.output());
        assertThat(defaults.invalid()).isEqualTo(r.invalid());
    }

    @Test
    void run_crlfFileWithByteOrderMark_sameAsLf() throws IOException {
        BigFile lf = bigFile("\n");
        BigFile crlf = bigFile("\r\n");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = crlf.csv().getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, input, 0, 3);
        System.arraycopy(body, 0, input, 3, body.length);
        Run r = run(input, settings(StandardCharsets.UTF_8, GroupingOptions.DEFAULT, 3, 4096));
        assertThat(r.output()).isEqualTo(lf.expectedOutput());
        assertThat(r.invalid()).isEqualTo(lf.expectedInvalid());
    }

    @Test
    void run_gbkFileWithGbkCharset_sameResultsAsUtf8File() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 600; i++) {
            DischargeAbstract a = cases.get(i).input();
            String dept = i % 3 == 0 ? quoted("心内科,二病区\n东院“新楼”") : "普通外科";
            csv.append(row(a, "住院号" + i, dept)).append('\n');
            if (i % 50 == 7) {
                csv.append(row(a, "坏行" + i, "", "科室")).append('\n');
            }
        }
        String text = csv.toString();
        Run utf8 = run(text.getBytes(StandardCharsets.UTF_8),
                settings(StandardCharsets.UTF_8, GroupingOptions.DEFAULT, 2, 1024));
        Run gbk = run(text.getBytes(GBK), settings(GBK, GroupingOptions.DEFAULT, 2, 1024));

        assertThat(gbk.output()).isEqualTo(utf8.output());
        assertThat(gbk.invalid()).isEqualTo(utf8.invalid());
        assertThat(gbk.summary().byStatus()).isEqualTo(utf8.summary().byStatus());
        assertThat(gbk.lines()).hasSize(1 + 600 + 12);
        assertThat(gbk.lines().get(1)).startsWith("住院号0," + grouper.group(cases.get(0).input()).status().name());
        assertThat(gbk.invalid()).hasSize(12);
        assertThat(gbk.invalid().get(0)).isEqualTo(new InvalidRow(13, "坏行7", SEX_MISSING));

        assertThatThrownBy(() -> run(text.getBytes(GBK), settings(StandardCharsets.UTF_8, GroupingOptions.DEFAULT, 2,
                1024))).as("GBK named UTF-8 is refused, not read as replacement characters")
                .isInstanceOf(HqdException.class).hasMessageContaining("不是 UTF-8 编码的文本");
        Run detected = run(text.getBytes(GBK), GroupFileJob.Settings.defaults(GroupingOptions.DEFAULT));
        assertThat(detected.output()).as("GBK detected without a charset").isEqualTo(utf8.output());
    }

    @Test
    void run_emptyFile_throws() {
        assertThatThrownBy(() -> run("")).isInstanceOf(HqdException.class).hasMessage("in.csv：文件为空，没有表头");
    }

    @Test
    void run_onlyBlankLines_throws() {
        assertThatThrownBy(() -> run("\n\r\n\n")).isInstanceOf(HqdException.class)
                .hasMessage("in.csv：文件为空，没有表头");
    }

    @Test
    void run_onlyByteOrderMark_throws() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThatThrownBy(() -> run(bom, settings(StandardCharsets.UTF_8, GroupingOptions.DEFAULT, 1, 1024)))
                .isInstanceOf(HqdException.class).hasMessage("in.csv：文件为空，没有表头");
    }

    @Test
    void run_headerWithoutRequiredColumns_throwsNamingThemAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = "record_id,sex,age_years,age_days,birth_weight_g,los_days,discharge_method,secondary_dx,other_procs\nR1,1\n"
                .getBytes(StandardCharsets.UTF_8);
        GroupFileJob job = new GroupFileJob(grouper, GroupFileJob.Settings.defaults(GroupingOptions.DEFAULT));
        assertThatThrownBy(() -> job.run(new ByteArrayInputStream(in), "in.csv", out, x -> { }))
                .isInstanceOf(HqdException.class)
                .hasMessage("in.csv：缺少必需的列 主要诊断(principal_dx)、主要手术操作(principal_proc)。"
                        + "第一行应为表头；hqd layouts check 文件 可列出各列的用途和缺少的列");
        assertThat(out.size()).isZero();
    }

    @Test
    void run_fileWithoutHeaderLine_throwsNoHeader() {
        assertThatThrownBy(() -> run("H001,R1,1,45,,,6,1,外科,K35.800x001,,47.0100,\n"))
                .isInstanceOf(HqdException.class)
                .hasMessageStartingWith("in.csv：没有可识别的表头，缺少必需的列 病案号(record_id)、性别(sex)、");
    }

    @Test
    void run_headerAfterBlankLines_isFound() throws IOException {
        Run r = run("\n\n" + HEADER + "\nH001,R1,1,45,,,6,1,外科,K35.800x001,,47.0100,\nH001,R2,,45,,,6,1,外科,K35.800x001,,,\n");
        assertThat(r.lines()).containsExactly(ResultCsv.HEADER,
                "R1,GROUPED,MDCG,GD2,GD25,阑尾切除术，不伴并发症或合并症,0,0", "R2,INVALID,,,,,,");
        assertThat(r.invalid()).containsExactly(new InvalidRow(5, "R2", SEX_MISSING));
    }

    @Test
    void run_badAdmissionDate_doesNotStopGrouping() throws IOException {
        Run r = run("record_id,admission_date,sex,age_years,age_days,birth_weight_g,los_days,discharge_method,"
                + "principal_dx,secondary_dx,principal_proc,other_procs\n"
                + "R1,2024-13-45,1,45,,,6,1,K35.800x001,J18.900,47.0100,\n");
        assertThat(r.lines()).containsExactly(ResultCsv.HEADER,
                "R1,GROUPED,MDCG,GD2,GD23,阑尾切除术，伴并发症或合并症,1,0");
        assertThat(r.invalid()).isEmpty();
    }

    @Test
    void run_warningsAndUnmappedCodesOverManyChunks_areSummed() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 400; i++) {
            csv.append("H001,R").append(i).append(",1,45,,,6,1,外科,K35.800x001,")
                    .append(i % 2 == 0 ? "ZZZ.999" : "").append(",47.0100,\n");
        }
        byte[] in = csv.toString().getBytes(StandardCharsets.UTF_8);
        Run plain = run(in, settings(StandardCharsets.UTF_8, GroupingOptions.DEFAULT, 2, 1024));
        assertThat(plain.summary().cases()).isEqualTo(400);
        assertThat(plain.summary().count(GroupingStatus.GROUPED)).isEqualTo(400);
        assertThat(plain.summary().withWarnings()).isEqualTo(200);
        assertThat(plain.summary().unmappedCodes()).isEmpty();

        Run mapped = run(in, settings(StandardCharsets.UTF_8, new GroupingOptions(false, true), 2, 1024));
        // K35.800x001 and 47.0100 are insurance-edition codes already: only the unknown code cannot be mapped
        assertThat(mapped.summary().withWarnings()).isEqualTo(200);
        assertThat(mapped.summary().unmappedCodes()).containsExactly(entry("ZZZ.999", 200L));
    }
}
