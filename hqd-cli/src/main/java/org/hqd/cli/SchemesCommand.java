package org.hqd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.PackManifest;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.conformance.ConformanceSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd schemes}: the rule packs HQD ships, with their DRG counts; {@code --verify} runs their conformance cases. */
@Command(name = "schemes", mixinStandardHelpOptions = true, description = "列出可用的 DRG 分组方案（规则包）；compile / export 在分组方案表与规则包之间转换",
        subcommands = {SchemeTableCommands.Compile.class, SchemeTableCommands.Export.class})
final class SchemesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--verify", description = "用随产品发布的一致性测试病例逐例核对分组结果")
    private boolean verify;

    @Option(names = "--scheme", paramLabel = "<方案>", description = "只列出（或核对）这个方案：id，或规则包目录、pack.json、.zip 的路径")
    private String only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulePackCatalog catalog = RulePackCatalog.bundled();
        List<String> ids = only == null ? catalog.ids() : List.of(only);
        out.println(row("方案", "名称", "地区", "字典", "DRG数", "ADRG规则数") + (verify ? "  一致性核对" : ""));
        boolean allPassed = true;
        for (String id : ids) {
            PackManifest m = catalog.ids().contains(id) ? catalog.manifest(id) : catalog.load(id).manifest();
            String check = "";
            if (verify) {
                // a pack given by path is checked against the conformance cases of the bundled scheme of its id
                ConformanceSuite.Report r = ConformanceSuite.bundled(m.id()).check(DrgGrouper.of(catalog.load(id)));
                allPassed &= r.passed();
                check = String.format("  %,d/%,d 例一致%s", r.matched(), r.cases(), r.passed() ? "" : "  ✗");
                r.mismatches().stream().limit(5).forEach(s -> spec.commandLine().getErr().println(id + " " + s));
            }
            out.println(row(id.equals(m.id()) ? m.id() : m.id() + "（" + id + "）", m.scheme(), m.region(), m.dictionary(), String.valueOf(m.declaredDrgs()),
                    String.valueOf(m.declaredAdrgs())) + check + (RulePackCatalog.DEFAULT_PACK.equals(id) ? "  （默认）" : ""));
        }
        out.println("共 " + ids.size() + " 个方案；用 hqd group --scheme <方案> 选择。");
        out.flush();
        return allPassed ? 0 : ErrorReporter.DATA_ERROR;
    }

    private static String row(String id, String name, String region, String dictionary, String drgs, String adrgs) {
        return TextColumns.left(id, 16) + TextColumns.left(name, 22) + TextColumns.left(region, 14)
                + TextColumns.left(dictionary, 11) + TextColumns.right(drgs, 6) + TextColumns.right(adrgs, 11);
    }
}
