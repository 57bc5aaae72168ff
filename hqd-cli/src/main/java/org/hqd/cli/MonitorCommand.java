package org.hqd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.app.Workspace;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.monitoring.CurrentStay;
import org.hqd.casemix.monitoring.InStayMonitor;
import org.hqd.casemix.monitoring.StayAssessment;
import org.hqd.casemix.monitoring.StayRatio;
import org.hqd.casemix.standards.GroupStandard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hqd monitor}: one stay still in hospital against the standard of the DRG it is heading for. */
@Command(name = "monitor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "事中监控：按目前的诊断和手术预分组，把在院病例的累计费用、药品费、耗材费、检查化验费和住院天数与病组标准比较，80%% 预警、100%% 报警")
final class MonitorCommand extends DataCommand {
    @Option(names = "--sex", required = true, paramLabel = "1|2", description = "性别")
    private String sex;

    @Option(names = "--age", required = true, paramLabel = "<岁>", description = "年龄（岁）")
    private int age;

    @Option(names = "--age-days", defaultValue = "-1", paramLabel = "<天>", description = "年龄（天），不满 1 岁时必填")
    private int ageDays;

    @Option(names = "--weight", defaultValue = "-1", paramLabel = "<克>", description = "新生儿出生体重")
    private int weight;

    @Option(names = "--dx", required = true, split = ",", paramLabel = "<诊断>", description = "诊断编码，逗号分隔，主要诊断在前")
    private List<String> dx;

    @Option(names = "--proc", split = ",", paramLabel = "<手术>", description = "手术操作编码，逗号分隔，主要手术在前")
    private List<String> proc = List.of();

    @Option(names = "--days", required = true, paramLabel = "<天>", description = "已住院天数")
    private int days;

    @Option(names = "--cost", required = true, paramLabel = "<元>", description = "累计总费用")
    private double cost;

    @Option(names = "--drug", defaultValue = "0", paramLabel = "<元>", description = "累计药品费")
    private double drug;

    @Option(names = "--material", defaultValue = "0", paramLabel = "<元>", description = "累计耗材费")
    private double material;

    @Option(names = "--exam-lab", defaultValue = "0", paramLabel = "<元>", description = "累计检查化验费")
    private double examLab;

    @Override
    Workspace open() {
        return data.openForReading();
    }

    @Override
    void run(Workspace dir, PrintWriter out) {
        StandardsService service = new StandardsService(dir);
        if (service.latest().isEmpty()) {
            throw new HqdException("数据目录尚无病组标准：先运行 hqd standards --data " + data.data);
        }
        Map<String, GroupStandard> standards = service.byDrg();
        DrgGrouper grouper = DrgGrouper.of(dir.pack());
        DischargeAbstract soFar = DischargeAbstract.builder().recordId("在院病例")
                .sex(Sex.fromCode(sex).orElseThrow(() -> new HqdException("--sex 应为 1 或 2")))
                .ageYears(age).ageDays(ageDays).birthWeightG(weight).losDays(days).dischargeMethod("1")
                .principalDx(dx.get(0)).secondaryDx(dx.subList(1, dx.size()))
                .principalProc(proc.isEmpty() ? "" : proc.get(0))
                .otherProcs(proc.isEmpty() ? List.of() : proc.subList(1, proc.size())).build();
        StayAssessment a = new InStayMonitor(grouper, drg -> Optional.ofNullable(standards.get(drg)))
                .assess(new CurrentStay(soFar, cost, drug, material, examLab));
        var g = a.expectedGroup();
        out.println("预分组：" + g.status().label() + " " + g.drg() + " " + g.drgName()
                + (g.reason().isEmpty() ? "" : "（" + g.reason() + "）"));
        if (a.standard().isEmpty()) {
            out.println("该病组没有标准（基线中无此病组病例），无法比较");
        }
        for (StayRatio r : a.ratios()) {
            out.printf("  %s %s：目前 %,.1f，标准 %,.1f，%.0f%%%n", TextColumns.left(r.measure(), 10),
                    r.alert() == StayRatio.Alert.NONE ? "  " : r.alert() == StayRatio.Alert.OVER ? "✗" : "!",
                    r.actual(), r.standard(), 100 * r.ratio());
        }
        if (!a.warnings().isEmpty()) {
            out.println("提示：" + a.warnings().stream().map(r -> r.measure() + r.alert().label())
                    .collect(Collectors.joining("；")));
        }
    }
}
