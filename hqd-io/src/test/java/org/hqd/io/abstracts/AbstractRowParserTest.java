package org.hqd.io.abstracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class AbstractRowParserTest {
    private static final String COSTS = "cost_bed,cost_consultation,cost_exam,cost_lab,cost_treatment,cost_surgery,"
            + "cost_nursing,cost_material,cost_western_drug,cost_herbal,cost_patent_drug,cost_general_service,"
            + "cost_registration,cost_other";

    /** Every row of a CSV text whose first record is the header. */
    private static List<ParsedAbstract> parseAll(String csv) {
        byte[] b = csv.getBytes(StandardCharsets.UTF_8);
        CsvScanner s = CsvScanner.utf8();
        s.reset(new CsvChunk(b, b.length, 1, 0));
        assertThat(s.next()).isTrue();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.fieldCount(); i++) {
            names.add(s.field(i));
        }
        AbstractRowParser parser = new AbstractRowParser(AbstractHeader.of(names, Set.of(), "t.csv"));
        List<ParsedAbstract> out = new ArrayList<>();
        while (s.next()) {
            out.add(parser.parse(s));
        }
        return out;
    }

    private static ParsedAbstract parse(String header, String row) {
        List<ParsedAbstract> all = parseAll(header + "\n" + row + "\n");
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** One column's value in a row of record_id and that column. */
    private static ParsedAbstract one(String column, String value) {
        return parse("record_id," + column, "R1," + value);
    }

    @Test
    void parse_canonicalColumnsShuffledWithExtras_readsEveryField() {
        String header = "note,principal_dx,record_id,payer,los_days,sex,hospital_id,patient_id,birth_date,age_years,"
                + "age_days,birth_weight_g,admission_date,discharge_date,admission_route,discharge_method,department,"
                + "attending_physician,secondary_dx,principal_proc,other_procs,proc_levels,day_surgery,total_cost,xx";
        String row = "随便写,K35.800x001,R1,01,6,1,H001,P9,1979-01-02,45,,,2024-03-01,2024-03-07,2,1,"
                + "\"普通外科,一病区\",王医生,J18.900|I10.x00,47.0100,54.5100|99.9900,3|2|1,1,12345.6,ignored";
        ParsedAbstract p = parse(header, row);
        assertThat(p.problems()).isEmpty();
        assertThat(p.groupingBlocker()).isEmpty();
        assertThat(p.line()).isEqualTo(2);
        DischargeAbstract expected = DischargeAbstract.builder()
                .hospitalId("H001").recordId("R1").patientId("P9").sex(Sex.MALE)
                .birthDate(LocalDate.of(1979, 1, 2)).ageYears(45).ageDays(DischargeAbstract.UNKNOWN)
                .birthWeightG(DischargeAbstract.UNKNOWN)
                .admissionDate(LocalDate.of(2024, 3, 1)).dischargeDate(LocalDate.of(2024, 3, 7)).losDays(6)
                .admissionRoute("2").dischargeMethod("1").department("普通外科,一病区").attendingPhysician("王医生")
                .principalDx("K35.800x001").secondaryDx(List.of("J18.900", "I10.x00"))
                .principalProc("47.0100").otherProcs(List.of("54.5100", "99.9900")).procLevels(List.of(3, 2, 1))
                .daySurgery(true).payer("01").totalCost(12345.6)
                .build();
        assertThat(p.abstract_()).isEqualTo(expected);
    }

    @Test
    void parse_textFields_areStripped() {
        ParsedAbstract p = parse("hospital_id,record_id,department", " H001 ,\t R1 ,\" 外科 \"");
        assertThat(p.abstract_().hospitalId()).isEqualTo("H001");
        assertThat(p.abstract_().recordId()).isEqualTo("R1");
        assertThat(p.abstract_().department()).isEqualTo("外科");
    }

    @Test
    void parse_columnsAbsentFromFile_areMissing() {
        DischargeAbstract a = one("sex", "2").abstract_();
        assertThat(a.sex()).isEqualTo(Sex.FEMALE);
        assertThat(a.ageYears()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(a.principalDx()).isEmpty();
        assertThat(a.secondaryDx()).isEmpty();
        assertThat(a.admissionDate()).isNull();
        assertThat(a.totalCost()).isNaN();
        assertThat(a.charges()).isEqualTo(Charges.NONE);
    }

    @ParameterizedTest
    @CsvSource({"12,12", "12.0,12", "12.00,12", "012,12", "0,0", "' 7 ',7", "999999999,999999999"})
    void parse_wholeNumber_readsInteger(String text, int expected) {
        ParsedAbstract p = one("age_years", "\"" + text + "\"");
        assertThat(p.abstract_().ageYears()).isEqualTo(expected);
        assertThat(p.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-3", "1.5", "1e2", "+4", ".5", "12岁", "1,5"})
    void parse_notAWholeNumber_reportsProblemNamingColumn(String text) {
        ParsedAbstract p = one("age_years", "\"" + text + "\"");
        assertThat(p.abstract_().ageYears()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(p.problems()).containsExactly(new FieldProblem(Optional.of(AbstractColumn.AGE_YEARS),
                "年龄(岁)(age_years) 不是非负整数"));
        assertThat(p.problems().get(0).blocksGrouping()).isTrue();
        assertThat(p.groupingBlocker()).isEqualTo("年龄(岁)(age_years) 不是非负整数");
    }

    @Test
    void parse_badIntegersInSeveralColumns_reportsEachColumn() {
        ParsedAbstract p = parse("record_id,age_days,birth_weight_g,los_days", "R1,x,3.2kg,-1");
        assertThat(p.problems()).extracting(FieldProblem::column).containsExactly(
                Optional.of(AbstractColumn.AGE_DAYS), Optional.of(AbstractColumn.BIRTH_WEIGHT_G),
                Optional.of(AbstractColumn.LOS_DAYS));
        assertThat(p.groupingBlocker()).isEqualTo("年龄(天)(age_days) 不是非负整数；"
                + "新生儿出生体重(克)(birth_weight_g) 不是非负整数；住院天数(los_days) 不是非负整数");
    }

    @Test
    void parse_emptyNumber_isUnknownWithoutProblem() {
        ParsedAbstract p = parse("record_id,age_years,age_days", "R1,,\"  \"");
        assertThat(p.abstract_().ageYears()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(p.abstract_().ageDays()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(p.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5000000000", "12.50000000", "30.000000001"})
    void parse_longDecimalWithFraction_reportsProblem(String text) {
        ParsedAbstract p = one("age_years", text);
        assertThat(p.abstract_().ageYears()).isEqualTo(DischargeAbstract.UNKNOWN);
        assertThat(p.problems()).extracting(FieldProblem::column).containsExactly(Optional.of(AbstractColumn.AGE_YEARS));
    }

    @Test
    void parse_wholeNumberWithManyLeadingZeros_readsInteger() {
        ParsedAbstract p = one("age_years", "0000000012");
        assertThat(p.problems()).isEmpty();
        assertThat(p.abstract_().ageYears()).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource({"1,MALE", "2,FEMALE", "' 2 ',FEMALE"})
    void parse_sexCode_readsSex(String text, Sex expected) {
        ParsedAbstract p = one("sex", "\"" + text + "\"");
        assertThat(p.abstract_().sex()).isEqualTo(expected);
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void parse_sexEmpty_isUnknownWithoutProblem() {
        ParsedAbstract p = one("sex", "");
        assertThat(p.abstract_().sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(p.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3", "9", "男", "M", "1.0"})
    void parse_sexInvalid_reportsBlockingProblem(String text) {
        ParsedAbstract p = one("sex", text);
        assertThat(p.abstract_().sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(p.problems()).containsExactly(new FieldProblem(Optional.of(AbstractColumn.SEX),
                "性别(sex) 取值无效，应为 1（男）或 2（女）"));
        assertThat(p.problems().get(0).blocksGrouping()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05", "2024/03/05", "20240305", "2024-03-05 10:00:00", "2024/03/05 23:59",
            "2024-03-05T10:00:00"})
    void parse_dateForms_readDate(String text) {
        ParsedAbstract p = parse("record_id,admission_date,discharge_date,birth_date",
                "R1," + text + "," + text + "," + text);
        assertThat(p.problems()).isEmpty();
        assertThat(p.abstract_().admissionDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(p.abstract_().dischargeDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(p.abstract_().birthDate()).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-3-5", "05/03/2024", "2024-02-30", "20241305", "昨天"})
    void parse_badAdmissionDate_reportsProblemThatDoesNotBlockGrouping(String text) {
        ParsedAbstract p = one("admission_date", text);
        assertThat(p.abstract_().admissionDate()).isNull();
        assertThat(p.problems()).containsExactly(new FieldProblem(Optional.of(AbstractColumn.ADMISSION_DATE),
                "入院日期(admission_date) 不是日期（应为 YYYY-MM-DD）"));
        assertThat(p.problems().get(0).blocksGrouping()).isFalse();
        assertThat(p.groupingBlocker()).isEmpty();
    }

    @Test
    void parse_listsWithBlanks_dropsEmptyItems() {
        ParsedAbstract p = parse("record_id,secondary_dx,other_procs",
                "R1,\" J18.900 | |I10.x00||E11.900| \",|");
        assertThat(p.abstract_().secondaryDx()).containsExactly("J18.900", "I10.x00", "E11.900");
        assertThat(p.abstract_().otherProcs()).isEmpty();
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void parse_singleItemList_isOneItem() {
        assertThat(one("secondary_dx", "J18.900").abstract_().secondaryDx()).containsExactly("J18.900");
    }

    @Test
    void parse_procLevelsInRange_readsThem() {
        ParsedAbstract p = one("proc_levels", "1|2|3|4|4.0");
        assertThat(p.abstract_().procLevels()).containsExactly(1, 2, 3, 4, 4);
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void parse_procLevelsWithBlankItem_keepsGradesAlignedWithProcedures() {
        ParsedAbstract p = one("proc_levels", "3||4");
        assertThat(p.abstract_().procLevels()).containsExactly(3, DischargeAbstract.UNKNOWN, 4);
        assertThat(p.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12f", "12d", "1e3x", "NaN", "Infinity"})
    void parse_amountWithTrailingLetters_reportsProblem(String text) {
        ParsedAbstract p = one("total_cost", text);
        assertThat(p.abstract_().totalCost()).isNaN();
        assertThat(p.problems()).extracting(FieldProblem::column).containsExactly(Optional.of(AbstractColumn.TOTAL_COST));
    }

    @Test
    void parse_amountWithExponentOrTrailingDot_readsIt() {
        assertThat(one("total_cost", "1.5e3").abstract_().totalCost()).isEqualTo(1500.0);
        assertThat(one("total_cost", "12.").abstract_().totalCost()).isEqualTo(12.0);
    }

    @Test
    void parse_procLevelsOutOfRange_reportsEachAndKeepsUnknownInPlace() {
        ParsedAbstract p = one("proc_levels", "0|3|5|x");
        assertThat(p.abstract_().procLevels()).containsExactly(DischargeAbstract.UNKNOWN, 3,
                DischargeAbstract.UNKNOWN, DischargeAbstract.UNKNOWN);
        assertThat(p.problems()).extracting(FieldProblem::message).containsExactly(
                "手术级别(proc_levels) 应为 1–4", "手术级别(proc_levels) 应为 1–4",
                "手术级别(proc_levels) 应为 1–4");
        assertThat(p.problems()).allSatisfy(fp -> {
            assertThat(fp.column()).contains(AbstractColumn.PROC_LEVELS);
            assertThat(fp.blocksGrouping()).isFalse();
        });
        assertThat(p.groupingBlocker()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1,true", "0,false", "'',false"})
    void parse_daySurgery_readsFlag(String text, boolean expected) {
        assertThat(one("day_surgery", text).abstract_().daySurgery()).isEqualTo(expected);
    }

    @Test
    void parse_moreFieldsThanHeader_reportsBlockingLineProblem() {
        List<ParsedAbstract> rows = parseAll("record_id,sex,principal_dx\nR1,1,K35.800x001\nR2,1,K35.800,x001\n");
        assertThat(rows.get(0).problems()).isEmpty();
        ParsedAbstract p = rows.get(1);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.problems()).containsExactly(new FieldProblem(Optional.empty(),
                "第 3 行有 4 个字段，表头有 3 个（逗号未加引号或行被截断）"));
        assertThat(p.problems().get(0).blocksGrouping()).isTrue();
        assertThat(p.groupingBlocker()).isEqualTo("第 3 行有 4 个字段，表头有 3 个（逗号未加引号或行被截断）");
        assertThat(p.abstract_().recordId()).isEqualTo("R2");
    }

    @Test
    void parse_fewerFieldsThanHeader_reportsBlockingLineProblem() {
        List<ParsedAbstract> rows = parseAll("record_id,sex,principal_dx\n\"a\nb\",1,X\nR2,1\n");
        ParsedAbstract p = rows.get(1);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.problems()).containsExactly(new FieldProblem(Optional.empty(),
                "第 4 行有 2 个字段，表头有 3 个（逗号未加引号或行被截断）"));
        assertThat(p.problems().get(0).blocksGrouping()).isTrue();
        assertThat(p.abstract_().principalDx()).isEmpty();
        assertThat(p.abstract_().sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void parse_unterminatedQuote_reportsBlockingLineProblem() {
        List<ParsedAbstract> rows = parseAll("record_id,sex,department\nR1,1,外科\nR2,2,\"内科\n");
        ParsedAbstract p = rows.get(1);
        assertThat(p.problems()).containsExactly(new FieldProblem(Optional.empty(),
                "第 3 行引号未闭合（文件可能被截断）"));
        assertThat(p.problems().get(0).blocksGrouping()).isTrue();
    }

    @Test
    void parse_allChargeColumns_readsCharges() {
        String values = "1,2,3,4,5,6,7,8,9,10,11,12,13,14.5";
        ParsedAbstract p = parse("record_id,total_cost," + COSTS, "R1,105.5," + values);
        assertThat(p.problems()).isEmpty();
        assertThat(p.abstract_().totalCost()).isEqualTo(105.5);
        Charges c = p.abstract_().charges();
        assertThat(c).isEqualTo(Charges.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14.5));
        assertThat(c.get(ChargeCategory.BED)).isEqualTo(1);
        assertThat(c.get(ChargeCategory.MATERIAL)).isEqualTo(8);
        assertThat(c.get(ChargeCategory.OTHER)).isEqualTo(14.5);
        assertThat(c.drugs()).isEqualTo(9 + 10 + 11);
    }

    @Test
    void parse_chargeColumnsInOtherOrder_readsEachIntoItsCategory() {
        ParsedAbstract p = parse("cost_other,record_id,cost_lab,cost_bed,cost_western_drug", "4.25,R1,3,1.5,2");
        assertThat(p.abstract_().charges()).isEqualTo(Charges.of(1.5, 0, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 4.25));
    }

    @Test
    void parse_blankAndBadCharges_areZeroAndBadOneIsReported() {
        ParsedAbstract p = parse("record_id,total_cost," + COSTS, "R1,abc,1,,3,x,,,,,,,,,,");
        assertThat(p.abstract_().totalCost()).isNaN();
        assertThat(p.abstract_().charges()).isEqualTo(Charges.of(1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(p.problems()).containsExactly(
                new FieldProblem(Optional.of(AbstractColumn.TOTAL_COST), "总费用(total_cost) 不是数值"),
                new FieldProblem(Optional.of(AbstractColumn.COST_LAB), "化验费(cost_lab) 不是数值"));
        assertThat(p.groupingBlocker()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1,234.5", "12元"})
    void parse_totalCostNotANumber_reportsProblem(String text) {
        ParsedAbstract p = one("total_cost", "\"" + text + "\"");
        assertThat(p.abstract_().totalCost()).isNaN();
        assertThat(p.problems()).containsExactly(new FieldProblem(Optional.of(AbstractColumn.TOTAL_COST),
                "总费用(total_cost) 不是数值"));
    }

    @Test
    void parse_chargeColumnsWithoutCostBed_readsTheOthers() {
        ParsedAbstract p = parse("record_id,cost_exam,cost_lab,total_cost", "R1,10.5,20,30.5");
        assertThat(p.abstract_().charges()).isEqualTo(Charges.of(0, 0, 10.5, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void parse_severalRows_keepsEachLine() {
        List<ParsedAbstract> rows = parseAll("record_id,department\nR1,\"a\n\nb\"\n\nR2,c\r\nR3,d");
        assertThat(rows).extracting(ParsedAbstract::line).containsExactly(2L, 6L, 7L);
        assertThat(rows).extracting(r -> r.abstract_().department()).containsExactly("a\n\nb", "c", "d");
    }
}
