package org.hqd.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hqd.app.Workspace;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.standards.Outlier;
import org.hqd.casemix.standards.OutlierClass;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hqd outliers}: 高倍率 / 低倍率 cases with their cost structure against the DRG standard. */
@Command(name = "outliers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"高倍率/低倍率病例（RW≤1 超过 3 倍、1<RW≤2 超过 2 倍、RW>2 超过 1.5 倍为高倍率；低于 0.4 倍为低倍率），"
            + "附费用结构与病组标准的对比。表格输出各医院汇总和倍率最高的病例；CSV 输出全部病例。"})
final class OutliersCommand extends DataCommand {
    static final String HEADER = "hospital_id,record_id,department,attending_physician,drg,outlier,factor,total_cost,"
            + "standard_mean_cost,drug_cost,standard_drug_cost,consumable_cost,standard_consumable_cost,"
            + "exam_lab_cost,standard_exam_lab_cost";

    @Mixin
    private CaseFilterOptions cases;

    @Mixin
    private FormatOption output;

    @Override
    void run(Workspace dir, PrintWriter out) {
        WeightsInUse.of(dir, spec.commandLine().getErr());
        List<Outlier> found = new StandardsService(dir).outliers(cases.filter());
        if (output.csv()) {
            csv(out, found);
        } else {
            table(out, found);
        }
    }

    private static void csv(PrintWriter out, List<Outlier> found) {
        out.println(HEADER);
        for (Outlier o : found) {
            StringBuilder s = new StringBuilder();
            for (String v : new String[] {o.hospitalId(), o.recordId(), o.department(), o.physician(), o.drg(),
                o.outlierClass().name()}) {
                ResultCsv.field(s, v).append(',');
            }
            s.append(String.format(Locale.ROOT, "%.4f", o.factor()));
            for (double v : new double[] {o.cost(), o.standardCost(), o.drug(), o.standardDrug(), o.material(),
                o.standardMaterial(), o.examLab(), o.standardExamLab()}) {
                s.append(',').append(String.format(Locale.ROOT, "%.2f", v));
            }
            out.println(s);
        }
    }

    private static void table(PrintWriter out, List<Outlier> found) {
        Map<String, long[]> byHospital = new TreeMap<>();
        for (Outlier o : found) {
            byHospital.computeIfAbsent(o.hospitalId(), k -> new long[2])[o.outlierClass() == OutlierClass.HIGH ? 0 : 1]++;
        }
        out.println(TextColumns.left("医院", 10) + TextColumns.right("高倍率", 8) + TextColumns.right("低倍率", 8));
        byHospital.forEach((h, n) -> out.println(TextColumns.left(h, 10) + TextColumns.right(String.valueOf(n[0]), 8)
                + TextColumns.right(String.valueOf(n[1]), 8)));
        out.println();
        out.println("倍率最高的 10 例（费用 / 病组标准均费用）：");
        found.stream().filter(o -> o.outlierClass() == OutlierClass.HIGH)
                .sorted(Comparator.comparingDouble(Outlier::factor).reversed()).limit(10)
                .forEach(o -> out.printf("  %s %s %s %s 倍率 %.2f：费用 %,.0f（标准 %,.0f）；药品 %,.0f（%,.0f）耗材 %,.0f（%,.0f）检查化验 %,.0f（%,.0f）%n",
                        o.hospitalId(), o.recordId(), o.drg(), o.department(), o.factor(), o.cost(), o.standardCost(),
                        o.drug(), o.standardDrug(), o.material(), o.standardMaterial(), o.examLab(),
                        o.standardExamLab()));
    }
}
