package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_generatesImportsAndReportsTheIntake_andASecondRunChangesNothing() {
        CliRun run = CliRun.of("demo", "--data", dir.toString(), "--records", "3000", "--no-serve");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("医院 40 家，病案 3,000 份", "hospitals.csv（医院名册，批次", "abstracts.csv（病案首页，批次",
                "读取 3,000 行", "facility_reports.csv（机构报表，批次", "入组 GD23", "医院绩效（权重版本 1，",
                "DIP 病种分值目录（按全部病例生成）：");
        // the catalogue the demo reports is the data directory's: as many groups as `dip show` lists
        String dip = run.out().lines().filter(l -> l.contains("DIP 病种分值目录")).findFirst().orElseThrow();
        CliRun catalogue = CliRun.of("dip", "show", "--data", dir.toString(), "--format", "csv");
        assertThat(catalogue.exitCode()).as(catalogue.err()).isZero();
        long listed = catalogue.out().lines().count() - 1;
        assertThat(listed).isPositive();
        assertThat(dip).contains("：" + String.format("%,d", listed) + " 个病种，核心病种 ");
        // the resent file: 5 rows with errors and 1 duplicate rejected, 1 corrected row replaced, 1 unchanged
        String resent = run.out().lines().filter(l -> l.startsWith("zz-resent-abstracts.csv")).findFirst().orElseThrow();
        assertThat(resent).contains("读取 8 行", "新增 0", "替换 1", "未变 1", "拒收 6");
        assertThat(run.out()).contains("REQUIRED_MISSING", "COST_SUM", "DISCHARGE_METHOD_INVALID",
                "PRINCIPAL_DX_UNKNOWN", "FIELD_FORMAT", "DUPLICATE_RECORD");

        assertThat(run.out()).contains("7. 任务推进台账", "tianjin-gazette-2022-19-20.txt（区域方案）：3 个方案，84 项任务（已写入台账）",
                "天津市推动公立医院高质量发展实施方案：26 项任务，26 项有责任单位", "demo-hospital-plan.txt（H0001 本院方案）",
                "(二) 平均住院日：目标 控制在8天以内 → alos ≤ 8，实际 ");
        assertThat(run.out()).contains("8. 全面预算管理", "预算编制：40 家医院，", "（拒收 0 行）→ 提交、批准", "截至 9 月（时间进度 75.0%）",
                "年终预算绩效评价：H0001 ");
        // the hospitals' grades in the order of the rules, best first
        String graded = run.out().lines().filter(l -> l.contains("各医院等级：")).findFirst().orElseThrow();
        List<String> order = java.util.regex.Pattern.compile("([优良中差]) \\d+ 家").matcher(graded).results()
                .map(m -> m.group(1)).toList();
        assertThat(order).isNotEmpty().isSortedAccordingTo(java.util.Comparator.comparing("优良中差"::indexOf));
        assertThat(run.out()).contains("9. 成本核算", "核算 40 家医院 2024 年", "H0001 分摊（万元）：行政后勤类 ",
                "DRG 成本与盈亏（全省，基准费率");
        String costed = run.out().lines().filter(l -> l.contains("核算 40 家医院")).findFirst().orElseThrow();
        // every discharge of the year with a department has a cost
        assertThat(costed).matches(".*出院病例 ([\\d,]+) 人次中 \\1 人次有病例成本.*");

        CliRun again = CliRun.of("demo", "--data", dir.toString(), "--records", "3000", "--no-serve");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("已导入过，未做任何更改", "预算：已导入过，未做任何更改",
                "DIP 病种分值目录（已有，未做任何更改）").doesNotContain("新增");
    }
}
