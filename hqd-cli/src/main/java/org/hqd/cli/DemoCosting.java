package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.hqd.app.costing.CostingService;
import org.hqd.app.costing.DepartmentCosts;
import org.hqd.app.costing.DrgCosts;
import org.hqd.app.evaluation.EvaluationService;
import org.hqd.costing.AllocationStep;
import org.hqd.costing.CostClass;
import org.hqd.costing.CostingSummary;
import org.hqd.costing.DepartmentCost;
import org.hqd.synth.SyntheticCosting;

/**
 * Step 9 of the demo: cost accounting of the synthetic province's year — the synthetic drivers loaded, every
 * hospital's year costed (三级分摊 and case costs), one hospital's departments and the DRGs that lose most on cost.
 */
final class DemoCosting {
    private static final int SHOWN = 5;

    private DemoCosting() {
    }

    static void print(PrintWriter out, DataAccess dir, Path source, Path data) throws IOException {
        Path folder = source.resolve("budget");
        int year = new EvaluationService(dir, Clock.systemDefaultZone()).dischargeMonths().orElseThrow().first().getYear();
        Path drivers = SyntheticCosting.writeTo(source, year, folder).file();
        out.printf("9. 成本核算（《公立医院成本核算规范》三级分摊，门诊、住院分开；合成的分摊参数 → %s）：%n", drivers);
        CostingService s = new CostingService(dir, Clock.systemDefaultZone());
        var loaded = s.loadDrivers(Actor.demo("demo 财务科"), drivers.getFileName().toString(), Files.readAllBytes(drivers),
                StandardCharsets.UTF_8);
        out.printf("   分摊参数：%,d 行，%d 家医院%n", loaded.rows(), loaded.changes().size());
        long start = System.nanoTime();
        List<CostingSummary> runs = s.run(Actor.demo("demo 财务科"), Optional.empty(), year);
        long total = runs.stream().mapToLong(CostingSummary::totalDirect).sum();
        long cases = runs.stream().mapToLong(CostingSummary::cases).sum();
        long costed = runs.stream().mapToLong(CostingSummary::costedCases).sum();
        out.printf("   核算 %d 家医院 %d 年：医疗全成本 %s 万元，出院病例 %,d 人次中 %,d 人次有病例成本（%.1f 秒）%n", runs.size(),
                year, wan(total), cases, costed, (System.nanoTime() - start) / 1e9);
        String hospital = runs.get(0).hospitalId();
        DepartmentCosts d = s.departments(hospital, year).orElseThrow();
        StringBuilder levels = new StringBuilder();
        for (AllocationStep st : d.steps()) {
            levels.append(levels.length() == 0 ? "" : "，").append(st.sender().label()).append(" ").append(wan(st.allocated()));
        }
        out.printf("   %s 分摊（万元）：%s；临床科室全成本合计 %s = 直接成本合计 %s%n", hospital, levels,
                wan(d.departments().stream().filter(x -> x.costClass() == CostClass.CLINICAL).mapToLong(DepartmentCost::full)
                        .sum()), wan(d.run().totalDirect()));
        d.departments().stream().filter(x -> x.costClass() == CostClass.CLINICAL)
                .sorted(java.util.Comparator.comparingLong(DepartmentCost::full).reversed()).limit(SHOWN).forEach(x ->
                        out.printf("     %s：直接 %s，分摊转入 %s，全成本 %s（门诊 %s，住院 %s）%n", TextColumns.left(x.department(), 12),
                                wan(x.direct()), wan(x.allocatedIn()), wan(x.full()), wan(x.outpatient()), wan(x.inpatient())));
        DrgCosts drgs = s.drgs(Optional.empty(), year, Optional.empty());
        out.printf("   DRG 成本与盈亏（全省，基准费率 %,.0f 元/权重，%s；亏损最多的 %d 个）：%n", drgs.baseRate(), drgs.rateSource(),
                SHOWN);
        for (DrgCosts.Line l : drgs.lines().subList(0, Math.min(SHOWN, drgs.lines().size()))) {
            out.printf("     %s %s：%,d 例，例均成本 %,.0f，例均费用 %,.0f，例均支付 %,.0f，结余 %,.0f 元%n", l.drg(), l.name(),
                    l.cases(), l.meanCost(), l.meanCharges(), l.meanPayment(), l.margin());
        }
        out.printf("   继续查看：./hqd costing departments --data %s --hospital %s --year %d ；./hqd costing explain --data %s "
                + "--hospital %s --year %d --department 检验科 ；./hqd costs --data %s --by department%n", data, hospital, year,
                data, hospital, year, data);
    }

    private static String wan(long fen) {
        return String.format("%,.1f", fen / 1_000_000.0);
    }
}
