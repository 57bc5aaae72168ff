package org.hqd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.grouping.GroupFileJob;
import org.hqd.io.grouping.GroupingSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hqd demo}: the main job on the embedded default — groups the bundled sample of discharge abstracts under
 * CHS-DRG 1.1, writes the results and prints what a user would look at first.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "演示：对内置样例病案分组并输出汇总")
final class DemoCommand implements Callable<Integer> {
    private static final String SAMPLE = "demo/sample-abstracts.csv";

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", defaultValue = "hqd-data", paramLabel = "<目录>", description = "数据目录；默认 ${DEFAULT-VALUE}")
    private Path data;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RulePack pack = RulePackCatalog.bundled().load(RulePackCatalog.DEFAULT_PACK);
        DrgGrouper grouper = DrgGrouper.of(pack);
        Path results = data.resolve("demo").resolve("sample-results.csv");
        Files.createDirectories(results.getParent());
        out.println("HQD 演示：按 " + pack.manifest().scheme() + " 对内置样例病案分组（合成数据，非真实患者）");
        out.println();
        GroupFileJob job = new GroupFileJob(grouper, GroupFileJob.Settings.defaults(GroupingOptions.DEFAULT));
        GroupingSummary summary;
        try (SideFiles side = new SideFiles(results, out);
             InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            summary = AtomicFile.write(results, o -> job.run(in, "内置样例 " + SAMPLE, o, side::invalid));
            side.close();
            new GroupingReport(out).print(pack, summary, side);
        }
        out.println("分组结果：" + results);
        out.println();
        new ResultTables(out).print(results);
        out.println();
        printExampleTrace(out, grouper);
        out.flush();
        return 0;
    }

    private static void printExampleTrace(PrintWriter out, DrgGrouper grouper) {
        DischargeAbstract example = DischargeAbstract.builder().recordId("示例").sex(Sex.MALE).ageYears(45)
                .losDays(6).dischargeMethod("1").principalDx("K35.800x001").secondaryDx(List.of("J18.900"))
                .principalProc("47.0100").build();
        GroupingResult r = grouper.group(example, GroupingOptions.TRACED);
        out.println("分组过程示例（hqd group --trace 对每例给出同样的说明）：");
        for (int i = 0; i < r.trace().size(); i++) {
            out.println("  " + (i + 1) + ". " + r.trace().get(i));
        }
    }
}
