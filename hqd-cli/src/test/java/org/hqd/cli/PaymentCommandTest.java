package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hqd payment} and {@code hqd compliance} end to end on three hand-made appendectomies (GD25, weight 0.8, mean
 * 8,000, rate 10,000): R1 normal (10,000), R2 a high outlier (30,000), R3 self-pay.
 */
final class PaymentCommandTest {
    @TempDir
    static Path tmp;

    static Path data;

    private static String row(String record, String total, String payer) {
        return Stream.of(AbstractColumn.values()).map(c -> switch (c) {
            case HOSPITAL_ID -> "H1";
            case RECORD_ID -> record;
            case PATIENT_ID -> "P" + record;
            case SEX -> "1";
            case BIRTH_DATE -> "1989-05-01";
            case AGE_YEARS -> "34";
            case ADMISSION_DATE -> "2024-03-01";
            case DISCHARGE_DATE -> "2024-03-06";
            case LOS_DAYS -> "5";
            case ADMISSION_ROUTE, DISCHARGE_METHOD -> "1";
            case DEPARTMENT -> "普外科";
            case ATTENDING_PHYSICIAN -> "张明";
            case PRINCIPAL_DX -> "K35.800x001";
            case PRINCIPAL_PROC -> "47.0100";
            case PROC_LEVELS -> "3";
            case DAY_SURGERY -> "0";
            case PAYER -> payer;
            case TOTAL_COST, COST_BED -> total;
            default -> c.name().startsWith("COST_") ? "0.00" : ""; // the settlement categories; the rest left blank
        }).collect(Collectors.joining(","));
    }

    @BeforeAll
    static void importAndLoadWeights() throws Exception {
        Path file = tmp.resolve("abstracts.csv");
        Files.writeString(file, Stream.of(AbstractColumn.values()).map(AbstractColumn::column)
                .collect(Collectors.joining(",")) + "\n" + String.join("\n", row("R1", "10000.00", "1"),
                row("R2", "30000.00", "城镇职工基本医疗保险"), row("R3", "10000.00", "7")) + "\n", StandardCharsets.UTF_8);
        data = tmp.resolve("data");
        assertThat(CliRun.of("import", "--data", data.toString(), file.toString()).exitCode()).isZero();
        Path weights = tmp.resolve("weights.csv");
        Files.writeString(weights, "drg,weight,base_cost\nGD25,0.8,8000\n");
        CliRun load = CliRun.of("payment", "weights", "load", "--data", data.toString(), weights.toString(), "--name",
                "2024 官方权重", "--rate", "10000");
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("已加载权重版本 1「2024 官方权重」：1 个病组");
    }

    @Test
    void settle_csv_theColumnsOfTheIssueComputedByHand() {
        CliRun run = CliRun.of("payment", "settle", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("官方权重版本 1（2024 官方权重）", "点值 100.0000 元");
        assertThat(run.out().lines().toList()).containsExactly(
                "hospital_id,record_id,payer,insured,drg,weight,case_type,points,payment,total_cost,balance",
                "H1,R1,1,true,GD25,0.8000,normal,80.0000,8000.00,10000.00,-2000.00",
                "H1,R2,1,true,GD25,0.8000,high,140.0000,14000.00,30000.00,-16000.00",
                "H1,R3,7,false,GD25,0.8000,normal,,,10000.00,");
    }

    @Test
    void settle_explain_theStepsInChinese() {
        CliRun run = CliRun.of("payment", "settle", "--data", data.toString(), "--hospital", "H1", "--explain", "R2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("H1 / R2：高倍率病例（high）", "医疗付款方式 1 城镇职工基本医疗保险：基金支付",
                "费用/均费 3.7500 ≥ 权重 0.8000 所在区间的倍数 3", "= 140.0000");
    }

    @Test
    void monthlyAndClear_fundSharedToTheFen() {
        CliRun monthly = CliRun.of("payment", "monthly", "--data", data.toString(), "--format", "csv");
        CliRun clear = CliRun.of("payment", "clear", "--data", data.toString(), "--year", "2024", "--fund",
                "30000.01", "--format", "csv");

        assertThat(monthly.out().lines().toList()).containsExactly(PaymentMonthlyCommand.HEADER,
                "2024-03,H1,2,220.0000,22000.00,40000.00,-18000.00,1,1,0,0,0,1");
        assertThat(clear.exitCode()).as(clear.err()).isZero();
        assertThat(clear.out().lines().toList()).containsExactly(PaymentClearCommand.HEADER,
                "H1,,2,220.0000,22000.00,30000.01,8000.01");
        assertThat(clear.err()).contains("点值 136.363682 元");
    }

    @Test
    void weightsLoad_badTable_everyLineAndExit3() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "drg,weight\nGD25,abc\nGD25,1\nGB11,0\n");

        CliRun run = CliRun.of("payment", "weights", "load", "--data", data.toString(), bad.toString(), "--name", "x",
                "--rate", "1");

        assertThat(run.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(run.err()).contains("bad.csv 有 3 处错误", "第 2 行", "第 4 行");
    }

    @Test
    void rulesShow_sourcesOfEveryRule() {
        CliRun run = CliRun.of("payment", "rules", "show", "--data", data.toString());

        assertThat(run.out()).contains("基金支付的付款方式：1 城镇职工基本医疗保险、2 城镇居民基本医疗保险、3 新型农村合作医疗",
                "高倍率：权重 ≤ 1.0 费用 ≥ 3.0 倍均费", "特殊病例 death-24h", "特病单议");
    }

    @Test
    void compliance_csv_header() {
        CliRun run = CliRun.of("compliance", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo(ComplianceCommand.HEADER);
        assertThat(run.err()).contains("审核 3 例");
    }

    @Test
    void costs_onlyInsuredCasesAtTheOfficialWeights() {
        CliRun run = CliRun.of("costs", "--data", data.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(CostsCommand.HEADER,
                "H1,,2,22000.00,40000.00,-18000.00,-9000.00,,0.00,0,,"); // no case costed: the margin on cost is empty
    }
}
