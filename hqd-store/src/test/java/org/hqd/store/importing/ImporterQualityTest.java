package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.intake.ImportSummary;
import org.hqd.quality.QualityRule;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.fixtures.ValidAbstracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every quality rule of abstract-rules.tsv, one bad row each: what is rejected, what is flagged, and where it is said. */
final class ImporterQualityTest {
    /** The day of the import, the upper bound of plausible dates. */
    private static final String TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

    @TempDir
    Path tmp;

    /**
     * The file, physical line by line: R100 spans lines 2–3 (a quoted line break), line 4 is blank, then one row
     * per rule; line 21 repeats R100 and line 22, the last, ends inside an open quote without a line end.
     */
    static String badFile() {
        String r100 = AbstractRow.valid("H001", "R100").set(AbstractColumn.ATTENDING_PHYSICIAN, "王芳\n（进修）").csv();
        AbstractRow truncated = AbstractRow.valid("H001", "R113");
        String unterminated = truncated.csv().substring(0, truncated.csv().indexOf("普外科")) + "\"普外科,张明,K35";
        return AbstractRow.header() + "\n"
                + r100 + "\n"
                + "\n"
                + AbstractRow.valid("H001", "R101").csv() + ",多余\n"
                + AbstractRow.valid("H001", "R102").set(AbstractColumn.SEX, "").csv() + "\n"
                + AbstractRow.valid("H001", "R103").set(AbstractColumn.AGE_YEARS, "三十").csv() + "\n"
                + AbstractRow.valid("H001", "R104").set(AbstractColumn.PRINCIPAL_DX, "ZZZ.999").csv() + "\n"
                + AbstractRow.valid("H001", "R105").set(AbstractColumn.SECONDARY_DX, "Q99.999").csv() + "\n"
                + AbstractRow.valid("H001", "R106").set(AbstractColumn.PRINCIPAL_DX, "O80.000").noProcedure().csv()
                + "\n"
                + AbstractRow.valid("H002", "R107").set(AbstractColumn.AGE_YEARS, "0")
                        .set(AbstractColumn.AGE_DAYS, "5").set(AbstractColumn.BIRTH_WEIGHT_G, "")
                        .set(AbstractColumn.PRINCIPAL_DX, "P07.300").noProcedure().csv() + "\n"
                + AbstractRow.valid("H002", "R108").stay("2024-03-10", "2024-03-05", 5).csv() + "\n"
                + AbstractRow.valid("H002", "R109").set(AbstractColumn.LOS_DAYS, "9").csv() + "\n"
                + AbstractRow.valid("H002", "R110").set(AbstractColumn.COST_BED, "400.00").csv() + "\n"
                + AbstractRow.valid("H002", "R111").set(AbstractColumn.DISCHARGE_METHOD, "7").csv() + "\n"
                + AbstractRow.valid("H002", "R112").set(AbstractColumn.PROC_LEVELS, "3|2").csv() + "\n"
                + AbstractRow.valid("H002", "R114").set(AbstractColumn.AGE_YEARS, "300").csv() + "\n"
                + AbstractRow.valid("H002", "R115").stay("9999-12-26", "9999-12-31", 5).csv() + "\n"
                + AbstractRow.valid("H002", "R116").stay("2010-01-01", "2019-12-31", 3651).csv() + "\n"
                + AbstractRow.valid("H002", "R117").set(AbstractColumn.COST_BED, "-500.00")
                        .set(AbstractColumn.COST_OTHER, "1200.00").csv() + "\n"
                + AbstractRow.valid("H001", "R100").total("12000.00").csv() + "\n"
                + unterminated;
    }

    private ImportSummary importBadFile(Path data) throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.csv"), badFile());
        return Stores.importInto(data, file).get(0);
    }

    @Test
    void importFile_oneBadRowPerRule_countsEveryOutcome() throws IOException {
        ImportSummary s = importBadFile(tmp.resolve("data"));

        assertThat(List.of(s.read(), s.imported(), s.replaced(), s.unchanged(), s.rejected(), s.warned()))
                .containsExactly(19L, 4L, 0L, 0L, 15L, 3L);
        assertThat(s.findingsByRule()).containsExactly(
                entry("AGE_RANGE", 1L),
                entry("COST_RANGE", 1L),
                entry("COST_SUM", 1L),
                entry("DATE_ORDER", 1L),
                entry("DATE_RANGE", 1L),
                entry("DISCHARGE_METHOD_INVALID", 1L),
                entry("DUPLICATE_RECORD", 1L),
                entry("FIELD_FORMAT", 1L),
                entry("LOS_MISMATCH", 1L),
                entry("LOS_RANGE", 1L),
                entry("MALFORMED_LINE", 2L),
                entry("NEWBORN_WEIGHT", 1L),
                entry("PRINCIPAL_DX_UNKNOWN", 1L),
                entry("PROC_LEVEL_INVALID", 1L),
                entry("REQUIRED_MISSING", 1L),
                entry("SECONDARY_CODE_UNKNOWN", 1L),
                entry("SEX_CODE_CONFLICT", 1L));
        List<String> abstractRules = QualityRuleCatalog.standard().rules().stream().map(QualityRule::id)
                .filter(id -> !id.equals("REGISTER_INVALID") && !id.equals("REPORT_INVALID")
                        && !id.equals("PRINCIPAL_DX_UNMAPPED") // that one: files of 国家临床版 codes
                        && !id.equals("HOSPITAL_UNREGISTERED")).toList(); // that one: once a register is imported
        assertThat(s.findingsByRule().keySet()).containsExactlyInAnyOrderElementsOf(abstractRules);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT rows_read, rows_imported, rows_rejected, rows_warned "
                    + "FROM import_batches")).containsExactly("19|4|15|3");
        }
    }

    @Test
    void importFile_oneBadRowPerRule_keepsWarnedRowsWithTheirFlags() throws IOException {
        importBadFile(tmp.resolve("data"));

        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT record_id, attending_physician, total_cost, status, drg, "
                    + "quality_flags FROM cases ORDER BY record_id")).containsExactly(
                    "R100|王芳\n（进修）|10000.0|GROUPED|GD25|NULL",
                    "R105|张明|10000.0|GROUPED|GD25|SECONDARY_CODE_UNKNOWN",
                    "R109|张明|10000.0|GROUPED|GD25|LOS_MISMATCH",
                    "R112|张明|10000.0|GROUPED|GD25|PROC_LEVEL_INVALID");
        }
    }

    @Test
    void importFile_oneBadRowPerRule_rejectsViewNamesLineRuleAndChineseMessage() throws IOException {
        importBadFile(tmp.resolve("data"));

        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.columns(dir.connection(), "rejects"))
                    .containsExactly("file", "line", "hospital_id", "record_id", "rule_id", "severity", "message");
            assertThat(Stores.rows(dir.connection(), "SELECT * FROM rejects ORDER BY line, rule_id")).containsExactly(
                    "bad.csv|5|H001|R101|MALFORMED_LINE|ERROR|行格式错误（无法分成字段：字段数与表头不符、引号不成对或含控制字符）：第 5 行有 60 个字段，表头有 59 个"
                            + "（逗号未加引号或行被截断）",
                    "bad.csv|6|H001|R102|REQUIRED_MISSING|ERROR|必填项缺失：性别(sex)",
                    "bad.csv|7|H001|R103|FIELD_FORMAT|ERROR|字段格式错误（数值、日期或代码取值无效）：年龄(岁)(age_years) 不是非负整数",
                    "bad.csv|8|H001|R104|PRINCIPAL_DX_UNKNOWN|ERROR|主要诊断编码不在分组方案的编码字典和编码列表中：（7 个字符的非编码值，未显示）",
                    "bad.csv|10|H001|R106|SEX_CODE_CONFLICT|ERROR|诊断编码与性别不符（如男性病例有妊娠分娩章诊断）：O80.000，性别为男",
                    "bad.csv|11|H002|R107|NEWBORN_WEIGHT|ERROR|新生儿（年龄28天以内）出生体重缺失或不在100–9999克之间：未填写",
                    "bad.csv|12|H002|R108|DATE_ORDER|ERROR|出院日期早于入院日期：2024-03-10 → 2024-03-05",
                    "bad.csv|14|H002|R110|COST_SUM|ERROR|各项费用之和与总费用不符（误差超过0.01元）：各项合计 9900.00，总费用 10000.00",
                    "bad.csv|15|H002|R111|DISCHARGE_METHOD_INVALID|ERROR|离院方式不在 1、2、3、4、5、9 之中：'7'",
                    "bad.csv|17|H002|R114|AGE_RANGE|ERROR|年龄超出合理范围：年龄(岁)(age_years) 应在 0–130 之间",
                    "bad.csv|18|H002|R115|DATE_RANGE|ERROR|日期超出合理范围（早于下限或晚于导入当天）：入院日期(admission_date) 应在 "
                            + "1990-01-01 至今天（" + TODAY + "）之间；出院日期(discharge_date) 应在 1990-01-01 至今天（" + TODAY + "）之间",
                    "bad.csv|19|H002|R116|LOS_RANGE|ERROR|住院天数超出合理范围：住院天数(los_days) 应在 0–3650 之间",
                    "bad.csv|20|H002|R117|COST_RANGE|ERROR|费用超出合理范围（为负或超过上限）：床位费(cost_bed) 应在 0–10000000 之间",
                    "bad.csv|21|H001|R100|DUPLICATE_RECORD|ERROR|同一医疗机构的病案号重复：与第 2 行重复",
                    "bad.csv|22|H001|R113|MALFORMED_LINE|ERROR|行格式错误（无法分成字段：字段数与表头不符、引号不成对或含控制字符）：第 22 行引号未闭合（文件可能被截断）");
        }
    }

    @Test
    void importFile_oneBadRowPerRule_writesRejectedAndWarnedRowsToCsv() throws IOException {
        ImportSummary s = importBadFile(tmp.resolve("data"));

        assertThat(s.rejectsFile()).contains(tmp.resolve("data/rejects/batch-1-bad.rejects.csv"));
        List<String> lines = Files.readAllLines(s.rejectsFile().orElseThrow(), StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "file,line,hospital_id,record_id,rule_id,severity,message",
                "bad.csv,5,H001,R101,MALFORMED_LINE,ERROR,行格式错误（无法分成字段：字段数与表头不符、引号不成对或含控制字符）：第 5 行有 60 个字段，表头有 59 个"
                        + "（逗号未加引号或行被截断）",
                "bad.csv,6,H001,R102,REQUIRED_MISSING,ERROR,必填项缺失：性别(sex)",
                "bad.csv,7,H001,R103,FIELD_FORMAT,ERROR,字段格式错误（数值、日期或代码取值无效）：年龄(岁)(age_years) 不是非负整数",
                "bad.csv,8,H001,R104,PRINCIPAL_DX_UNKNOWN,ERROR,主要诊断编码不在分组方案的编码字典和编码列表中：（7 个字符的非编码值，未显示）",
                "bad.csv,9,H001,R105,SECONDARY_CODE_UNKNOWN,WARNING,其他诊断或手术操作编码不在分组方案的编码字典和编码列表中：Q99.999",
                "bad.csv,10,H001,R106,SEX_CODE_CONFLICT,ERROR,诊断编码与性别不符（如男性病例有妊娠分娩章诊断）：O80.000，性别为男",
                "bad.csv,11,H002,R107,NEWBORN_WEIGHT,ERROR,新生儿（年龄28天以内）出生体重缺失或不在100–9999克之间：未填写",
                "bad.csv,12,H002,R108,DATE_ORDER,ERROR,出院日期早于入院日期：2024-03-10 → 2024-03-05",
                "bad.csv,13,H002,R109,LOS_MISMATCH,WARNING,住院天数与入出院日期不符：住院天数 9，入出院相差 5 天",
                "bad.csv,14,H002,R110,COST_SUM,ERROR,各项费用之和与总费用不符（误差超过0.01元）：各项合计 9900.00，总费用 10000.00",
                "bad.csv,15,H002,R111,DISCHARGE_METHOD_INVALID,ERROR,离院方式不在 1、2、3、4、5、9 之中：'7'",
                "bad.csv,16,H002,R112,PROC_LEVEL_INVALID,WARNING,手术级别不在1–4之间或与手术操作个数不符：2 个级别，1 个手术操作",
                "bad.csv,17,H002,R114,AGE_RANGE,ERROR,年龄超出合理范围：年龄(岁)(age_years) 应在 0–130 之间",
                "bad.csv,18,H002,R115,DATE_RANGE,ERROR,日期超出合理范围（早于下限或晚于导入当天）：入院日期(admission_date) 应在 "
                        + "1990-01-01 至今天（" + TODAY + "）之间；出院日期(discharge_date) 应在 1990-01-01 至今天（" + TODAY + "）之间",
                "bad.csv,19,H002,R116,LOS_RANGE,ERROR,住院天数超出合理范围：住院天数(los_days) 应在 0–3650 之间",
                "bad.csv,20,H002,R117,COST_RANGE,ERROR,费用超出合理范围（为负或超过上限）：床位费(cost_bed) 应在 0–10000000 之间",
                "bad.csv,21,H001,R100,DUPLICATE_RECORD,ERROR,同一医疗机构的病案号重复：与第 2 行重复",
                "bad.csv,22,H001,R113,MALFORMED_LINE,ERROR,行格式错误（无法分成字段：字段数与表头不符、引号不成对或含控制字符）：第 22 行引号未闭合（文件可能被截断）");
    }

    @Test
    void importFile_truncatedLastLineWithoutQuote_isRejectedAsMalformed() throws IOException {
        String whole = AbstractRow.valid("H001", "R2").csv();
        Path file = Files.writeString(tmp.resolve("cut.csv"), AbstractRow.header() + "\n"
                + AbstractRow.valid("H001", "R1").csv() + "\n" + whole.substring(0, whole.indexOf(",K35.8")));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(2L, 1L, 1L);
        assertThat(s.findingsByRule()).containsExactly(entry("MALFORMED_LINE", 1L));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT line, record_id, rule_id, message FROM rejects"))
                    .containsExactly("3|R2|MALFORMED_LINE|行格式错误（无法分成字段：字段数与表头不符、引号不成对或含控制字符）：第 3 行有 15 个字段，表头有 59 个"
                            + "（逗号未加引号或行被截断）");
        }
    }

    @Test
    void importFile_duplicatedRowThreeTimes_keepsTheFirstAndRejectsTheRepeats() throws IOException {
        AbstractRow row = AbstractRow.valid("H001", "R1");
        Path file = Files.writeString(tmp.resolve("dups.csv"), AbstractRow.file(List.of(row, row,
                AbstractRow.valid("H002", "R1"), AbstractRow.valid("H001", "R1").total("11111.11"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(4L, 2L, 2L);
        assertThat(s.findingsByRule()).isEqualTo(Map.of("DUPLICATE_RECORD", 2L));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id, record_id, total_cost FROM cases "
                    + "ORDER BY hospital_id")).containsExactly("H001|R1|10000.0", "H002|R1|10000.0");
            assertThat(Stores.rows(dir.connection(), "SELECT line, record_id, message FROM rejects ORDER BY line"))
                    .containsExactly("3|R1|同一医疗机构的病案号重复：与第 2 行重复", "5|R1|同一医疗机构的病案号重复：与第 2 行重复");
        }
    }

    @Test
    void importFile_crlfLinesBomAndBlankSpreadsheetRows_readLikePlainLf() throws IOException {
        List<AbstractRow> rows = ValidAbstracts.rows();
        String lf = AbstractRow.file(rows);
        String crlf = "\uFEFF" + lf.replace("\n", "\r\n") + ",,,,,,\r\n\r\n";
        Path a = Files.writeString(tmp.resolve("lf.csv"), lf);
        Path b = Files.writeString(tmp.resolve("crlf.csv"), crlf);

        ImportSummary sa = Stores.importInto(tmp.resolve("a"), a).get(0);
        ImportSummary sb = Stores.importInto(tmp.resolve("b"), b).get(0);

        assertThat(List.of(sb.read(), sb.imported(), sb.rejected())).containsExactly(6L, 6L, 0L);
        assertThat(casesWithoutPatient(tmp.resolve("b"))).isEqualTo(casesWithoutPatient(tmp.resolve("a")));
        assertThat(sa.read()).isEqualTo(6);
    }

    @Test
    void importFile_hospitalNotInTheRegister_isFlagged_onceARegisterIsImported() throws IOException {
        Path register = Files.writeString(tmp.resolve("hospitals.csv"), """
                hospital_id,name,province_code,city_code,county_code,tier,type,beds
                H001,第一医院,430000,430100,430102,CITY_TERTIARY,GENERAL,500
                """);
        Path file = Files.writeString(tmp.resolve("cases.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1"), AbstractRow.valid("H999", "R2"), AbstractRow.valid("H001", "R3"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), register, file).get(1);

        // the mistyped code is imported, flagged and counted as a warning: the user sees it in the summary
        assertThat(List.of(s.read(), s.imported(), s.rejected(), s.warned())).containsExactly(3L, 3L, 0L, 1L);
        assertThat(s.findingsByRule()).isEqualTo(Map.of("HOSPITAL_UNREGISTERED", 1L));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT record_id, quality_flags FROM cases ORDER BY record_id"))
                    .containsExactly("R1|NULL", "R2|HOSPITAL_UNREGISTERED", "R3|NULL");
        }
    }

    @Test
    void importFile_aMalformedLine_isOnlyThat_notAlsoAnUnregisteredHospital() throws IOException {
        Path register = Files.writeString(tmp.resolve("hospitals.csv"), """
                hospital_id,name,province_code,city_code,county_code,tier,type,beds
                H001,第一医院,430000,430100,430102,CITY_TERTIARY,GENERAL,500
                """);
        String valid = AbstractRow.file(List.of(AbstractRow.valid("H001", "R1")));
        // a line of 60 fields whose first reads like a code the register does not hold
        Path file = Files.writeString(tmp.resolve("cases.csv"), valid + "x" + ",x".repeat(59) + "\n");

        ImportSummary s = Stores.importInto(tmp.resolve("data"), register, file).get(1);

        assertThat(List.of(s.read(), s.imported(), s.rejected(), s.warned())).containsExactly(2L, 1L, 1L, 0L);
        assertThat(s.findingsByRule()).isEqualTo(Map.of("MALFORMED_LINE", 1L));
    }

    @Test
    void importFile_withoutARegister_takesEveryHospitalCode() throws IOException {
        Path file = Files.writeString(tmp.resolve("cases.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1"), AbstractRow.valid("H999", "R2"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(2L, 2L, 0L);
    }

    @Test
    void importFile_procedureGradeOutOfRange_isOneWarning() throws IOException {
        Path file = Files.writeString(tmp.resolve("grade.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1").set(AbstractColumn.PROC_LEVELS, "5"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected(), s.warned())).containsExactly(1L, 1L, 0L, 1L);
        assertThat(s.findingsByRule()).isEqualTo(Map.of("PROC_LEVEL_INVALID", 1L));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT quality_flags FROM cases"))
                    .containsExactly("PROC_LEVEL_INVALID");
        }
    }

    @Test
    void importFile_rowWithTwoUnreadableFields_countsOneRowForFieldFormat() throws IOException {
        Path file = Files.writeString(tmp.resolve("two.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1").set(AbstractColumn.AGE_YEARS, "三十").set(AbstractColumn.LOS_DAYS, "五"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.findingsByRule()).isEqualTo(Map.of("FIELD_FORMAT", 1L));
    }

    @Test
    void importFile_rowWithTwoUnreadableFields_listsOneRejectPerField() throws IOException {
        Path file = Files.writeString(tmp.resolve("two.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1").set(AbstractColumn.AGE_YEARS, "三十").set(AbstractColumn.LOS_DAYS, "五"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(1L, 0L, 1L);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT line, rule_id, message FROM rejects ORDER BY message"))
                    .containsExactly(
                    "2|FIELD_FORMAT|字段格式错误（数值、日期或代码取值无效）：住院天数(los_days) 不是非负整数",
                    "2|FIELD_FORMAT|字段格式错误（数值、日期或代码取值无效）：年龄(岁)(age_years) 不是非负整数");
        }
    }

    @Test
    void importFile_sexCodeThree_isFieldFormatNotMissing() throws IOException {
        Path file = Files.writeString(tmp.resolve("sex.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1").set(AbstractColumn.SEX, "3"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(s.findingsByRule()).isEqualTo(Map.of("FIELD_FORMAT", 1L));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT message FROM rejects")).containsExactly(
                    "字段格式错误（数值、日期或代码取值无效）：性别(sex) 取值无效，应为 1（男）或 2（女）");
        }
    }

    static List<String> casesWithoutPatient(Path data) {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            return Stores.rows(dir.connection(), "SELECT * EXCLUDE (patient_id) FROM cases ORDER BY hospital_id, "
                    + "record_id");
        }
    }
}
