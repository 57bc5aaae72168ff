package org.hqd.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hqd.casemix.rulepack.PackManifest;
import org.hqd.casemix.rulepack.RulePackCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hqd schemes}: the rule packs HQD ships, with their DRG and ADRG counts. */
@Command(name = "schemes", mixinStandardHelpOptions = true, description = "列出可用的 DRG 分组方案（规则包）")
final class SchemesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulePackCatalog catalog = RulePackCatalog.bundled();
        out.printf("%-16s %-28s %-10s %-10s %6s %6s%n", "方案", "名称", "地区", "字典", "DRG数", "ADRG规则数");
        for (String id : catalog.ids()) {
            PackManifest m = catalog.manifest(id);
            out.printf("%-16s %-28s %-10s %-10s %6d %6d%s%n", m.id(), m.scheme(), m.region(), m.dictionary(),
                    m.declaredDrgs(), m.declaredAdrgs(), RulePackCatalog.DEFAULT_PACK.equals(id) ? "  （默认）" : "");
        }
        out.println("共 " + catalog.ids().size() + " 个方案；用 hqd group --scheme <方案> 选择。");
        return 0;
    }
}
