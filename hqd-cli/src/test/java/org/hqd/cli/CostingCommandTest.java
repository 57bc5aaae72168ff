package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate --budget → import → budget actuals → costing drivers load → costing run and its reports, on the command line. */
final class CostingCommandTest {
    @TempDir
    static Path dir;
    static Path source;
    static Path data;

    @BeforeAll
    static void generateImportAndCost() {
        source = dir.resolve("src");
        data = dir.resolve("data");
        ok(CliRun.of("generate", "--hospitals", "3", "--records", "2000", "--months", "12", "--seed", "7", "--output",
                source.toString(), "--budget"));
        ok(CliRun.of("import", "--data", data.toString(), source.toString()));
        ok(CliRun.of("budget", "actuals", "--data", data.toString(), source.resolve("budget/actuals-2024.csv").toString()));
        CliRun load = ok(CliRun.of("costing", "drivers", "load", "--data", data.toString(),
                source.resolve("budget/drivers-2024.csv").toString()));
        assertThat(load.out()).contains("drivers-2024.csv：读取", "H0001 2024：新增");
        CliRun run = ok(CliRun.of("costing", "run", "--data", data.toString(), "--year", "2024"));
        assertThat(run.out()).contains("已核算 3 家医院 2024 年的成本（规则 cost-accounting-2021）");
    }

    static CliRun ok(CliRun r) {
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        return r;
    }

    @Test
    void departments_csv_fullCostsAddUpToTheDirectCosts() {
        CliRun r = ok(CliRun.of("costing", "departments", "--data", data.toString(), "--hospital", "H0001", "--year",
                "2024", "--format", "csv"));
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("department,class,direct_cost,allocated_in,allocated_out,full_cost,"
                + "outpatient_cost,inpatient_cost");
        BigDecimal direct = BigDecimal.ZERO;
        BigDecimal full = BigDecimal.ZERO;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            direct = direct.add(new BigDecimal(f[2]));
            full = full.add(new BigDecimal(f[5]));
            if (!f[1].equals("临床服务类")) {
                assertThat(f[5]).as(l).isEqualTo("0.00");
            } else {
                assertThat(new BigDecimal(f[6]).add(new BigDecimal(f[7]))).as(l).isEqualByComparingTo(f[5]);
            }
        }
        assertThat(full).isEqualByComparingTo(direct).isPositive();
        // the same, independently, from the finance actuals of the cost items
        CliRun sum = ok(CliRun.of("sql", "--data", data.toString(), "SELECT printf('%.2f', sum(amount) / 100.0) FROM "
                + "budget_actuals a JOIN budget_items i ON i.code = a.item WHERE hospital_id = 'H0001' AND year = 2024 "
                + "AND i.category IN ('业务活动费用', '单位管理费用')"));
        assertThat(new BigDecimal(sum.out().lines().toList().get(1))).isEqualByComparingTo(direct);
    }

    @Test
    void drgs_and_costs_showTheMarginOnCost() {
        CliRun drgs = ok(CliRun.of("costing", "drgs", "--data", data.toString(), "--year", "2024", "--base-rate", "12000",
                "--format", "csv"));
        assertThat(drgs.out()).startsWith("drg,cases,mean_cost,mean_charges,mean_payment,margin\n");
        assertThat(drgs.out().lines().count()).isGreaterThan(10);
        CliRun costs = ok(CliRun.of("costs", "--data", data.toString(), "--by", "hospital", "--base-rate", "12000",
                "--format", "csv"));
        assertThat(costs.out()).startsWith(CostsCommand.HEADER + "\n");
        // costed_cases and the margin on cost are filled for the costed hospitals
        assertThat(costs.out().lines().skip(1)).allSatisfy(l -> assertThat(l.split(",", -1)[9]).isNotEqualTo("0"));
        CliRun perCase = ok(CliRun.of("sql", "--data", data.toString(), "SELECT count(*) FILTER (WHERE case_cost IS NULL) "
                + "FROM cases WHERE year(discharge_date) = 2024"));
        assertThat(perCase.out()).isEqualTo("count_star() FILTER (WHERE (case_cost IS NULL))\n0\n");
    }

    @Test
    void explain_andRatios() {
        CliRun explain = ok(CliRun.of("costing", "explain", "--data", data.toString(), "--hospital", "H0001", "--year",
                "2024", "--department", "检验科"));
        assertThat(explain.out()).contains("检验科（医疗技术类）直接成本", "一级分摊：自 院办公室 分入", "三级分摊：分出人员经费",
                "全成本 0.00 元");
        CliRun ratios = ok(CliRun.of("costing", "ratios", "--data", data.toString(), "--hospital", "H0001", "--year",
                "2024", "--format", "csv"));
        assertThat(ratios.out()).startsWith("department,category,pool,method,cost,charges,ratio\n").contains(
                ",cost_western_drug,药品,COST_TO_CHARGE,");
    }

    @Test
    void driversLoad_badFile_exit3_everyReason_nothingWritten() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-drivers.csv"), """
                hospital_id,year,department,driver,value
                H0001,2024,不存在的科室,staff,3
                H0001,2024,门诊部,area,-5
                H0001,2024,门诊部,chairs,2
                H0009,2024,门诊部,staff,1
                """);
        CliRun before = ok(CliRun.of("sql", "--data", data.toString(), "SELECT count(*), sum(value) FROM costing_drivers"));
        CliRun r = CliRun.of("costing", "drivers", "load", "--data", data.toString(), bad.toString());
        assertThat(r.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(r.err()).contains("bad-drivers.csv 未载入（未写入任何数据）：4 处问题",
                "第 2 行：科室 '不存在的科室' 不是医院 H0001 的科室或成本中心", "第 3 行：参数值 -5 为负数",
                "第 4 行：分摊参数 'chairs' 不在目录中", "第 5 行：医院 'H0009' 不在名册中");
        assertThat(ok(CliRun.of("sql", "--data", data.toString(), "SELECT count(*), sum(value) FROM costing_drivers"))
                .out()).isEqualTo(before.out());
    }

    @Test
    void driversLoad_aClassWithNoDriver_refused() throws IOException {
        List<String> rows = Files.readAllLines(source.resolve("budget/drivers-2024.csv"));
        Path noWorkload = dir.resolve("no-workload.csv");
        Files.write(noWorkload, rows.stream().filter(l -> !l.contains(",workload,")).toList());
        CliRun r = CliRun.of("costing", "drivers", "load", "--data", data.toString(), noWorkload.toString());
        assertThat(r.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(r.err()).contains("no-workload.csv（H0001 2024 年）：医疗辅助类按 工作量 分摊，但文件中没有接收科室的这项参数值");
    }
}
