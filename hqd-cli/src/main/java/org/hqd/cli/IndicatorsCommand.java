package org.hqd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hqd indicators}: the indicator catalogue. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "指标目录：编号、名称、维度、公式（统计量之间的四则运算）、单位（ratio 为小数占比）、方向、数据来源")
final class IndicatorsCommand implements Callable<Integer> {
    static final String HEADER = "id,name,dimension,formula,unit,direction,source,computable";

    @Spec
    private CommandSpec spec;

    @Mixin
    private FormatOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        IndicatorCatalog c = IndicatorCatalog.standard();
        if (output.csv()) {
            out.println(HEADER);
        }
        for (Indicator i : c.indicators()) {
            if (output.csv()) {
                StringBuilder s = new StringBuilder(i.id()).append(',');
                ResultCsv.field(s, i.name()).append(',').append(i.dimension().label()).append(',');
                ResultCsv.field(s, i.formula().toString()).append(',');
                ResultCsv.field(s, i.unit()).append(',').append(i.direction().name()).append(',');
                ResultCsv.field(s, i.source()).append(',').append(i.computable());
                out.println(s);
            } else {
                out.println(TextColumns.left(i.id(), 32) + TextColumns.left(i.name(), 34)
                        + TextColumns.left(i.dimension().label(), 12) + (i.computable() ? "" : "（输入尚未接入，评价为无数据）"));
            }
        }
        out.flush();
        return 0;
    }
}
