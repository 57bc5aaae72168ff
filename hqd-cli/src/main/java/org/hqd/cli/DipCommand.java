package org.hqd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.casemix.dip.DipGroup;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.dip.DipStore;
import org.hqd.store.importing.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd dip build|show}: the DIP catalogue (病种分值目录) of a data directory. */
@Command(name = "dip", mixinStandardHelpOptions = true, description = "DIP 病种分值目录：build 按基线病例生成新版本，show 显示最新版本",
        subcommands = {DipCommand.Build.class, DipCommand.Show.class, DipCommand.Metrics.class})
final class DipCommand implements Callable<Integer> {
    static final String HEADER = "dip_key,core,cases,kept_cases,mean_cost,score";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code hqd dip build}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "按基线病例生成 DIP 目录：主要诊断亚目 + 手术室手术为键，基线病例数达到阈值的为核心病种，其余按诊断类目 × 治疗方式归入综合病种；分值 = 组均费用 / 全部均费用 × 1000")
    static final class Build implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private CaseFilterOptions cases;

        @Option(names = "--core-min", defaultValue = "15", paramLabel = "<n>", description = "核心病种的最少病例数；默认 ${DEFAULT-VALUE}")
        private int coreMin;

        @Override
        public Integer call() {
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                RulePack pack = RulePackCatalog.bundled().load(
                        dir.setting(Importer.SCHEME_SETTING).orElse(RulePackCatalog.DEFAULT_PACK));
                DipParameters p = new DipParameters(coreMin, DipParameters.DEFAULTS.diagnosticPrefixes(),
                        DipParameters.DEFAULTS.trimSigmas(), DipParameters.DEFAULTS.pointsPerMeanCost());
                DipStore store = new DipStore(dir);
                int version = store.build(cases.filter(), p, pack.orProcedures()::containsKey);
                List<DipGroup> groups = store.current();
                if (groups.isEmpty()) {
                    throw new HqdException("基线中没有病例，DIP 目录为空");
                }
                long core = groups.stream().filter(DipGroup::core).count();
                spec.commandLine().getOut().printf("已生成 DIP 目录版本 %d：%,d 个病种（核心病种 %,d，综合病种 %,d），基线 %,d 例%n",
                        version, groups.size(), core, groups.size() - core,
                        groups.stream().mapToLong(DipGroup::cases).sum());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code hqd dip metrics}. */
    @Command(name = "metrics", mixinStandardHelpOptions = true,
            description = "按 DIP 分值的单元指标：入组病例、总分值、例均分值、费用、按点值计算的支付与结余（默认预算中性点值）")
    static final class Metrics implements Callable<Integer> {
        static final String HEADER = "unit,cases,dip_grouped,total_score,mean_score,cost,payment,balance";

        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private CaseFilterOptions cases;

        @Option(names = "--by", defaultValue = "hospital", paramLabel = "hospital|department|physician",
                description = "单元；默认 ${DEFAULT-VALUE}")
        private String by;

        @Option(names = "--point-value", defaultValue = "0", paramLabel = "<元>", description = "点值（元/分）；0 表示预算中性")
        private double pointValue;

        @Override
        public Integer call() {
            org.hqd.store.dip.DipUnitScores.Level level;
            try {
                level = org.hqd.store.dip.DipUnitScores.Level.valueOf(by.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new HqdException("--by 应为 hospital、department 或 physician，实际为 '" + by + "'");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForReading(data.data)) {
                if (new DipStore(dir).current().isEmpty()) {
                    throw new HqdException("尚无 DIP 目录：先运行 hqd dip build --data " + data.data);
                }
                RulePack pack = RulePackCatalog.bundled().load(
                        dir.setting(Importer.SCHEME_SETTING).orElse(RulePackCatalog.DEFAULT_PACK));
                var lines = new org.hqd.store.dip.DipUnitScores(dir).run(level, cases.filter(), pointValue,
                        pack.orProcedures()::containsKey, DipParameters.DEFAULTS);
                if (lines.isEmpty()) {
                    throw new HqdException("所选范围没有病例");
                }
                spec.commandLine().getErr().printf("点值 %.4f 元/分（%s）%n",
                        org.hqd.store.dip.DipUnitScores.pointValue(lines), pointValue > 0 ? "--point-value" : "预算中性");
                out.println(HEADER);
                for (var l : lines) {
                    out.println(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%.4f,%.2f,%.2f,%.2f", l.unit(), l.cases(),
                            l.grouped(), l.totalScore(), l.meanScore(), l.cost(), l.payment(), l.balance()));
                }
            }
            out.flush();
            spec.commandLine().getErr().flush();
            return 0;
        }
    }

    /** {@code hqd dip show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "显示最新的 DIP 目录")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private FormatOption output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForReading(data.data)) {
                List<DipGroup> groups = new DipStore(dir).current();
                if (groups.isEmpty()) {
                    throw new HqdException("尚无 DIP 目录：先运行 hqd dip build --data " + data.data);
                }
                boolean csv = output.csv();
                out.println(csv ? HEADER : TextColumns.left("病种", 32) + TextColumns.left("类别", 8)
                        + TextColumns.right("病例", 8) + TextColumns.right("均费用", 11) + TextColumns.right("分值", 10));
                for (DipGroup g : groups) {
                    out.println(csv ? String.format(Locale.ROOT, "%s,%s,%d,%d,%.2f,%.4f", g.key(), g.core(), g.cases(),
                            g.keptCases(), g.meanCost(), g.score())
                            : TextColumns.left(g.key(), 32) + TextColumns.left(g.core() ? "核心" : "综合", 8)
                            + TextColumns.right(String.format("%,d", g.cases()), 8)
                            + TextColumns.right(String.format("%,.0f", g.meanCost()), 11)
                            + TextColumns.right(String.format("%.1f", g.score()), 10));
                }
            }
            out.flush();
            return 0;
        }
    }
}
