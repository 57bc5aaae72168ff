package org.hqd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.hqd.app.Workspace;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Monitoring;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.report.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hqd trend}: month-by-month values, trends, met→not-met changes and warnings to follow up. */
@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"动态监测：期间内逐月评价，给出各指标的月度值与趋势（改善/持平/恶化），由达标转为未达标的医院，以及最后一个月的预警与未达标项（待跟进）。"
            + "--format csv 输出逐月宽表；加 --changes 输出状态变化清单。"})
final class TrendCommand extends DataCommand {
    static final String CHANGES_HEADER = "hospital_id,hospital_name,indicator,from_month,to_month,status,value,target";

    @Mixin
    private EvaluationOptions evaluation;

    @Option(names = "--indicator", paramLabel = "<指标>", description = "只看这一项指标")
    private String indicator;

    @Option(names = "--changes", description = "CSV 输出状态变化（达标→预警/未达标）清单，而非逐月宽表")
    private boolean changes;

    @Mixin
    private FormatOption output;

    @Override
    void run(Workspace dir, PrintWriter out) {
        IndicatorCatalog catalogue = IndicatorCatalog.standard();
        if (indicator != null && catalogue.indicator(indicator).isEmpty()) {
            throw new org.hqd.HqdException("指标目录中没有 '" + indicator + "'；hqd indicators 列出全部指标");
        }
        Map<String, Evaluation> months = EvaluationOptions.of(dir, spec.commandLine().getErr())
                .monthly(evaluation.request(false));
        months.values().stream().findFirst().ifPresent(e -> EvaluationOptions.sayScope(e, spec.commandLine().getErr()));
        Monitoring m = Monitoring.of(months);
        List<Monitoring.Series> series = m.series().stream()
                .filter(s -> indicator == null || s.indicator().id().equals(indicator)).toList();
        List<Monitoring.Change> changed = m.changes().stream()
                .filter(c -> indicator == null || c.indicator().id().equals(indicator)).toList();
        List<EvaluationRow> followUp = m.followUp().stream()
                .filter(r -> indicator == null || r.indicator().id().equals(indicator)).toList();
        if (output.csv() && changes) {
            out.println(CHANGES_HEADER);
            for (Monitoring.Change c : changed) {
                StringBuilder s = new StringBuilder();
                ResultCsv.field(s, c.hospitalId()).append(',');
                ResultCsv.field(s, c.hospitalName()).append(',').append(c.indicator().id()).append(',')
                        .append(c.from()).append(',').append(c.to()).append(',').append(c.toStatus().name())
                        .append(',').append(Cells.csv(c.value())).append(',')
                        .append(c.target().map(t -> Cells.plain(t.value())).orElse(""));
                out.println(s);
            }
        } else if (output.csv()) {
            printSeries(out, series);
        } else {
            printSummary(out, series, changed, followUp);
        }
    }

    private static void printSeries(PrintWriter out, List<Monitoring.Series> series) {
        if (series.isEmpty()) {
            return;
        }
        out.println("hospital_id,indicator,trend,slope_per_month," + String.join(",", series.get(0).months()));
        for (Monitoring.Series s : series) {
            StringBuilder line = new StringBuilder();
            ResultCsv.field(line, s.hospitalId()).append(',').append(s.indicator().id()).append(',')
                    .append(s.trend().map(Enum::name).orElse("")).append(',').append(Cells.csv(s.slopePerMonth()));
            for (OptionalDouble v : s.values()) {
                line.append(',').append(Cells.csv(v));
            }
            out.println(line);
        }
    }

    private static void printSummary(PrintWriter out, List<Monitoring.Series> series, List<Monitoring.Change> changed,
                                     List<EvaluationRow> followUp) {
        long improving = series.stream().filter(s -> s.trend().filter(t -> t == Monitoring.Trend.IMPROVING).isPresent()).count();
        long worsening = series.stream().filter(s -> s.trend().filter(t -> t == Monitoring.Trend.WORSENING).isPresent()).count();
        out.printf("趋势：%d 项改善，%d 项恶化，%d 项持平或数据不足（医院 × 指标）%n", improving, worsening,
                series.size() - improving - worsening);
        out.printf("%n由达标转为未达标或预警：%d 次%n", changed.size());
        for (Monitoring.Change c : changed) {
            out.println("  " + TextColumns.left(c.hospitalId() + " " + c.hospitalName(), 40)
                    + TextColumns.left(c.indicator().name(), 34) + c.from() + " → " + c.to() + " "
                    + c.toStatus().label() + "（" + Formats.value(c.value(), c.indicator().unit()) + "）");
        }
        out.printf("%n待跟进（最后一个月预警或未达标）：%d 项%n", followUp.size());
        for (EvaluationRow r : followUp) {
            out.println("  " + TextColumns.left(r.hospitalId() + " " + r.hospitalName(), 40)
                    + TextColumns.left(r.indicator().name(), 34) + TextColumns.right(
                    Formats.value(r.value(), r.indicator().unit()), 10) + "  目标 "
                    + r.target().map(t -> t.comparison().symbol() + " " + Formats.value(
                    OptionalDouble.of(t.value()), r.indicator().unit())).orElse("—") + "  " + r.status().get().label());
        }
    }
}
