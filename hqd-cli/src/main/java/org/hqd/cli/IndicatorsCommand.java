package org.hqd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hqd.evaluation.IndicatorSet;
import org.hqd.evaluation.IndicatorSets;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd indicators}: the members of an indicator set, with their definitions. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "指标集的指标：编号、国家序号、名称、维度、二级指标、是否国家监测（▲）、单位（ratio 为小数占比）、方向、"
            + "数据来源、HQD 能否计算")
final class IndicatorsCommand implements Callable<Integer> {
    static final String HEADER = "id,national_no,name,dimension,group,monitored,unit,direction,source,computable";

    @Spec
    private CommandSpec spec;

    @Option(names = "--set", defaultValue = IndicatorSets.DEFAULT, paramLabel = "<指标集>",
            description = "hqd（默认）、national-tertiary、national-secondary 或 hqd-2022")
    private String set = IndicatorSets.DEFAULT;

    @Mixin
    private FormatOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        IndicatorSet s = IndicatorSets.standard().require(set);
        if (output.csv()) {
            out.println(HEADER);
        } else {
            out.println(s.name() + "（" + s.members().size() + " 项）");
            if (!s.document().isEmpty()) {
                out.println("依据：" + s.document());
            }
        }
        for (IndicatorSet.Member m : s.members()) {
            String no = m.nationalNo().isPresent() ? String.valueOf(m.nationalNo().getAsInt()) : "";
            var i = m.indicator();
            if (output.csv()) {
                StringBuilder b = new StringBuilder(i.id()).append(',').append(no).append(',');
                ResultCsv.field(b, i.name()).append(',').append(i.dimension().label()).append(',');
                ResultCsv.field(b, m.group()).append(',').append(m.monitored() ? "▲" : "").append(',');
                ResultCsv.field(b, i.unit()).append(',').append(i.direction().name()).append(',');
                ResultCsv.field(b, i.source()).append(',').append(i.computable());
                out.println(b);
            } else {
                out.println(TextColumns.right(no, 4) + " " + (m.monitored() ? "▲" : " ") + " "
                        + TextColumns.left(i.id(), 34) + TextColumns.left(i.name(), 40)
                        + TextColumns.left(i.dimension().label(), 12) + i.formula()
                        + (i.computable() ? "" : "（外部评价，HQD 不计算：无数据）"));
            }
        }
        out.flush();
        return 0;
    }
}
