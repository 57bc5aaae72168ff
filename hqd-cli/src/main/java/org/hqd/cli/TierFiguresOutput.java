package org.hqd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.TierFigures;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.report.Formats;

/**
 * {@code hqd evaluate --by-tier}: per indicator of the set (with a target or not) and per tier, then over all the
 * evaluated hospitals, how many hospitals have a value, the mean and the median of their values (each hospital
 * counts once).
 */
final class TierFiguresOutput {
    /** The CSV columns; {@code tier} is the tier's name, empty for hospitals without one, {@code ALL} for all. */
    static final String HEADER = "indicator,national_no,name,tier,hospitals,with_value,mean,median";

    private TierFiguresOutput() {
    }

    static void csv(PrintWriter out, Evaluation e) {
        out.println(HEADER);
        for (TierFigures.Line l : e.tierFigures().lines()) {
            String no = e.set().member(l.indicator().id()).flatMap(m -> m.nationalNo().isPresent()
                    ? Optional.of(String.valueOf(m.nationalNo().getAsInt())) : Optional.empty()).orElse("");
            for (TierFigures.Cell c : cells(l)) {
                StringBuilder s = new StringBuilder(l.indicator().id()).append(',').append(no).append(',');
                ResultCsv.field(s, l.indicator().name()).append(',')
                        .append(c.overall() ? "ALL" : c.tier().map(Enum::name).orElse("")).append(',')
                        .append(c.hospitals()).append(',').append(c.withValue()).append(',')
                        .append(Cells.csv(c.mean())).append(',').append(Cells.csv(c.median()));
                out.println(s);
            }
        }
    }

    static void table(PrintWriter out, Evaluation e) {
        out.println("各层级指标均值与中位数（按医院计：每家有值的医院权重相同，不按病例数加权）");
        for (TierFigures.Line l : e.tierFigures().lines()) {
            String unit = l.indicator().unit();
            out.println();
            out.println("【" + l.indicator().name() + "】" + (unit.isEmpty() || unit.equals("ratio") ? "" : "（" + unit + "）"));
            out.println("  " + TextColumns.left("层级", 20) + TextColumns.right("有值 / 医院数", 14)
                    + TextColumns.right("均值", 14) + TextColumns.right("中位数", 14));
            for (TierFigures.Cell c : cells(l)) {
                out.println("  " + TextColumns.left(c.label(), 20)
                        + TextColumns.right(c.withValue() + " / " + c.hospitals(), 14)
                        + TextColumns.right(Formats.value(c.mean(), unit), 14)
                        + TextColumns.right(Formats.value(c.median(), unit), 14));
            }
        }
    }

    private static List<TierFigures.Cell> cells(TierFigures.Line l) {
        List<TierFigures.Cell> cells = new ArrayList<>(l.tiers());
        cells.add(l.overall());
        return cells;
    }
}
