package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.app.Workspace;
import org.hqd.app.intake.IntakeService;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.quality.QualityLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hqd quality}: the data-quality report of a data directory, per hospital and discharge month. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "数据质量报告：各机构各月份的完整性、规范性、一致性通过率及各规则不通过行数")
final class QualityCommand extends DataCommand {
    private static final List<String> DIMENSIONS = List.of("完整性", "规范性", "一致性");

    @Mixin
    private FormatOption output;

    @Override
    Workspace open() {
        return data.openForReading();
    }

    @Override
    void run(Workspace dir, PrintWriter out) throws IOException {
        IntakeService report = new IntakeService(dir, Clock.systemUTC());
        List<QualityLine> lines = report.qualityLines();
        if (output.csv()) {
            out.println("hospital_id,period,rows,dimension,rule_id,failed,pass_rate");
            for (QualityLine l : lines) {
                StringBuilder s = new StringBuilder();
                ResultCsv.field(s, l.hospitalId()).append(',').append(l.period()).append(',').append(l.rows())
                        .append(',').append(l.dimension()).append(',').append(l.ruleId()).append(',')
                        .append(l.failed()).append(',').append(String.format("%.6f", l.passRate()));
                out.println(s);
            }
        } else {
            table(out, report.qualityTotals(), lines);
        }
    }

    private static void table(PrintWriter out, List<QualityLine> totals, List<QualityLine> lines) {
        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        for (QualityLine l : lines) {
            if ("*".equals(l.ruleId())) {
                rates.computeIfAbsent(l.hospitalId() + "|" + l.period(), k -> new LinkedHashMap<>())
                        .put(l.dimension(), l.passRate());
            }
        }
        out.println(TextColumns.left("机构", 10) + TextColumns.left("月份", 9) + TextColumns.right("行数", 10)
                + TextColumns.right("完整性", 9) + TextColumns.right("规范性", 9) + TextColumns.right("一致性", 9));
        for (QualityLine t : totals) {
            Map<String, Double> r = rates.getOrDefault(t.hospitalId() + "|" + t.period(), Map.of());
            StringBuilder row = new StringBuilder(TextColumns.left(t.hospitalId().isEmpty() ? "(缺失)" : t.hospitalId(), 10)
                    + TextColumns.left(t.period().isEmpty() ? "(缺失)" : t.period(), 9)
                    + TextColumns.right(String.format("%,d", t.rows()), 10));
            for (String d : DIMENSIONS) {
                row.append(TextColumns.right(String.format("%.2f%%", 100 * r.getOrDefault(d, 1.0)), 9));
            }
            out.println(row);
        }
    }
}
