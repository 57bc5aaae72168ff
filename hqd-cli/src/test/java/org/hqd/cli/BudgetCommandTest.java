package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hqd budget …} end to end on a register of two hospitals and hand-written files: the documented entry
 * points (import, submit, approve, actuals, status CSV), illegal steps refused, adjustments kept in the history,
 * bad rows rejected with reasons and a rejects file, Excel input, GBK input, the reports.
 *
 * <p>The budget of H1 for 2025: 财务科 人员经费 1,000 yuan a month (12,000 a year); 全院 财政基本支出补助收入 6,000 in
 * January and 6,000 in July. Actuals: 人员经费 1,300 in each of January–March, 财政补助 6,000 in January.
 */
final class BudgetCommandTest {
    @TempDir
    Path tmp;

    Path data;

    @BeforeEach
    void register() throws IOException {
        data = tmp.resolve("data");
        Path reg = Files.writeString(tmp.resolve("hospitals.csv"), """
                hospital_id,name,province_code,city_code,county_code,tier,type,beds
                H1,第一医院,620000,620100,620102,CITY_TERTIARY,GENERAL,500
                H2,第二医院,620000,620100,620103,COUNTY,GENERAL,200
                """);
        CliRun r = CliRun.of("import", "--data", data.toString(), reg.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    CliRun budget(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "budget";
        all[1] = args[0];
        System.arraycopy(args, 1, all, 3, args.length - 1);
        all[2] = "--data=" + data;
        return CliRun.of(all);
    }

    Path budgetFile() throws IOException {
        StringBuilder b = new StringBuilder("hospital_id,year,department,item,month,amount\n");
        for (int m = 1; m <= 12; m++) {
            b.append("H1,2025,财务科,人员经费,").append(m).append(",1000\n");
        }
        b.append("H1,2025,全院,R0201,1,6000\nH1,2025,全院,R0201,7,6000\n");
        return Files.writeString(tmp.resolve("budget.csv"), b);
    }

    Path actualsFile() throws IOException {
        return Files.writeString(tmp.resolve("actuals.csv"), """
                hospital_id,year,department,item,month,amount
                H1,2025,财务科,人员经费,1,1300
                H1,2025,财务科,人员经费,2,1300
                H1,2025,财务科,人员经费,3,1300
                H1,2025,全院,财政基本支出补助收入,1,6000
                H1,2025,财务科,奖金,4,100
                H1,2025,财务科,药品费,4,一百
                H1,2025,眼科,药品费,4,100
                """);
    }

    @Test
    void theDocumentedPath_importSubmitApproveActualsStatus() throws IOException {
        CliRun imp = budget("import", budgetFile().toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("budget.csv：读取 14 行，接收 14 行，拒收 0 行",
                "H1 2025 年年初预算：新建草稿 14 行，合计 12000.00 元收入、12000.00 元支出");
        assertThat(budget("submit", "--hospital", "H1", "--year", "2025").out()).contains("已提交，当前状态：已提交");
        CliRun approve = budget("approve", "--hospital", "H1", "--year", "2025", "--comment", "同意");
        assertThat(approve.out()).contains("已批准，当前状态：已批准");

        CliRun act = budget("actuals", actualsFile().toString());
        assertThat(act.exitCode()).as(act.err()).isZero();
        assertThat(act.out()).contains("读取 7 行，接收 4 行，拒收 3 行", "拒收 项目不在预算项目目录中（UNKNOWN_ITEM）",
                "金额无效（BAD_AMOUNT）", "UNKNOWN_DEPARTMENT",
                "第 6 行：预算项目 奖金 不在项目目录中");
        Path rejects;
        try (var files = Files.list(data.resolve("rejects"))) {
            rejects = files.filter(f -> f.getFileName().toString().startsWith("budget-actuals-")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(rejects)).hasSize(4).element(1).asString()
                .startsWith("6,H1,2025,财务科,奖金,4,100,UNKNOWN_ITEM,");

        // end of February: 2,600 of 12,000 = 0.2167 against 2/12; the subsidy 6,000 of 12,000 = 0.5
        CliRun feb = budget("status", "--hospital", "H1", "--year", "2025", "--month", "2", "--format", "csv");
        assertThat(feb.exitCode()).as(feb.err()).isZero();
        assertThat(CliLines.of(feb.out())).containsExactly(BudgetCommand.STATUS_HEADER,
                "全院,财政基本支出补助收入,12000.00,6000.00,6000.00,0.5000,0.1667,",
                "财务科,人员经费,12000.00,2000.00,2600.00,0.2167,0.1667,");
        // end of March: 3,900 / 12,000 = 0.325 > 0.25 + 0.10? no (0.35); the subsidy is ahead, not behind
        CliRun mar = budget("status", "--hospital", "H1", "--year", "2025", "--month", "3", "--format", "csv");
        assertThat(CliLines.of(mar.out())).contains("财务科,人员经费,12000.00,3000.00,3900.00,0.3250,0.2500,");
        // the text says how far execution is from the time progress, in 百分点: revenue 6,000 / 12,000 = 50.0 % against
        // 25.0 %, spending 3,900 / 12,000 = 32.5 %
        assertThat(budget("status", "--hospital", "H1", "--year", "2025", "--month", "3").out()).contains(
                "收入合计：年度预算 1.20 万元，序时预算 0.60 万元，累计实际 0.60 万元，执行率 50.0%（高于时间进度 25.0 个百分点）",
                "支出合计：年度预算 1.20 万元，序时预算 0.30 万元，累计实际 0.39 万元，执行率 32.5%（高于时间进度 7.5 个百分点）");
        // end of December: 3,900 spent and 6,000 received against the year
        CliRun dec = budget("status", "--hospital", "H1", "--year", "2025", "--month", "12", "--format", "csv");
        assertThat(CliLines.of(dec.out())).containsExactly(BudgetCommand.STATUS_HEADER,
                "全院,财政基本支出补助收入,12000.00,12000.00,6000.00,0.5000,1.0000,revenue_behind",
                "财务科,人员经费,12000.00,12000.00,3900.00,0.3250,1.0000,spending_behind");
    }

    @Test
    void illegalStepsAreRefused_andAdjustmentsKeepTheHistory() throws IOException {
        budget("import", budgetFile().toString());
        CliRun early = budget("approve", "--hospital", "H1", "--year", "2025");
        assertThat(early.exitCode()).isNotZero();
        assertThat(early.err()).contains("当前为“编制中”，只有“已提交”的预算可以批准");
        budget("submit", "--hospital", "H1", "--year", "2025");
        CliRun noWords = budget("return", "--hospital", "H1", "--year", "2025", "--comment", " ");
        assertThat(noWords.exitCode()).isNotZero();
        assertThat(noWords.err()).contains("必须写明意见");
        budget("approve", "--hospital", "H1", "--year", "2025");
        CliRun again = budget("import", budgetFile().toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("已批准的预算只能调整");

        CliRun adj = budget("adjust", "--hospital", "H1", "--year", "2025", "--department", "财务科", "--item", "人员经费",
                "--month", "7", "--amount", "1500", "--reason", "7 月调资");
        assertThat(adj.exitCode()).as(adj.err()).isZero();
        assertThat(adj.out()).contains("第 1 次调整（编制中）：1 行调整，原因：7 月调资");
        // until the adjustment is approved, the year is measured against the original budget
        assertThat(CliLines.of(budget("status", "--hospital", "H1", "--year", "2025", "--month", "12", "--format", "csv")
                .out())).contains("财务科,人员经费,12000.00,12000.00,0.00,0.0000,1.0000,spending_behind");
        budget("submit", "--hospital", "H1", "--year", "2025");
        budget("approve", "--hospital", "H1", "--year", "2025");
        assertThat(CliLines.of(budget("status", "--hospital", "H1", "--year", "2025", "--month", "12", "--format", "csv")
                .out())).contains("财务科,人员经费,12500.00,12500.00,0.00,0.0000,1.0000,spending_behind");
        CliRun history = budget("history", "--hospital", "H1", "--year", "2025");
        assertThat(history.out()).contains("版本 1 年初预算：已批准；收入 1.20 万元，支出 1.20 万元",
                "版本 2 第 1 次调整：已批准；收入 1.20 万元，支出 1.25 万元；调整原因：7 月调资",
                "调整  已批准→编制中", "7 月调资（调整 1 行，净变动 500.00 元）");
        CliRun close = budget("close", "--hospital", "H1", "--year", "2025");
        assertThat(close.exitCode()).isNotZero();
        assertThat(close.err()).contains("需要全年 12 个月的实际数，已有 0 个月");
        CliRun audit = CliRun.of("audit", "--data", data.toString());
        assertThat(audit.out()).contains("预算编制", "预算提交", "预算批准", "预算调整");
    }

    @Test
    void excelAndGbkFilesAreRead_andTheReportsAreWritten() throws IOException {
        Path xlsx = tmp.resolve("budget.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("预算");
            String[][] rows = {{"hospital_id", "year", "department", "item", "month", "amount"},
                {"H2", "2025", "全院", "财政项目支出补助收入", "3", "2500.5"}, {"H2", "2025", "财务科", "人员经费", "3", "800"}};
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    Cell cell = r.createCell(c);
                    if (i > 0 && (c == 1 || c == 4 || c == 5)) {
                        cell.setCellValue(Double.parseDouble(rows[i][c]));
                    } else {
                        cell.setCellValue(rows[i][c]);
                    }
                }
            }
            try (var out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
        }
        CliRun x = budget("import", xlsx.toString());
        assertThat(x.exitCode()).as(x.err()).isZero();
        assertThat(x.out()).contains("H2 2025 年年初预算：新建草稿 2 行，合计 2500.50 元收入、800.00 元支出");
        Path gbk = Files.write(tmp.resolve("gbk.csv"), ("hospital_id,year,department,item,month,amount\n"
                + "H2,2025,财务科,人员经费,4,900\n").getBytes(Charset.forName("GBK")));
        CliRun wrong = budget("import", gbk.toString());
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("--encoding GBK");
        assertThat(budget("import", gbk.toString(), "--encoding", "GBK").out()).contains("替换草稿 1 行");

        budget("import", budgetFile().toString());
        budget("actuals", actualsFile().toString());
        Path pdf = tmp.resolve("report.pdf");
        CliRun report = budget("report", "--hospital", "H1", "--year", "2025", "--month", "3", "--output", pdf.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("第一医院 2025 年，截至 3 月");
        assertThat(new String(Arrays.copyOf(Files.readAllBytes(pdf), 4), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        Path pub = tmp.resolve("public.xlsx");
        assertThat(budget("report", "--hospital", "H1", "--year", "2025", "--month", "3", "--output", pub.toString(),
                "--public").exitCode()).isZero();
        try (Workbook wb = WorkbookFactory.create(pub.toFile())) {
            StringBuilder all = new StringBuilder();
            wb.forEach(sheet -> sheet.forEach(r -> r.forEach(c -> all.append(c.toString()).append('|'))));
            assertThat(all.toString()).contains("第一医院").doesNotContain("财务科");
        }
    }

    /** Output lines without blank ones. */
    static final class CliLines {
        static List<String> of(String out) {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
