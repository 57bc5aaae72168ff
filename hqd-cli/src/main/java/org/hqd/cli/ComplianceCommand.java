package org.hqd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hqd.app.Workspace;
import org.hqd.app.payment.ComplianceResult;
import org.hqd.app.payment.ComplianceService;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.compliance.ComplianceFlag;
import org.hqd.compliance.ComplianceRules;
import org.hqd.compliance.ComplianceRulesLoader;
import org.hqd.io.grouping.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd compliance}: screening for split stays, needless admissions and upcoding signals. */
@Command(name = "compliance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"医保智能审核：分解住院、低标准入院、高套信号（CC/MCC 比例、其他诊断数与同级医院比较；CC/MCC 诊断无相应费用）。",
            "每条标记给出规则、证据和阈值；标记是线索，须人工核实。规则与阈值是数据：输出的 threshold 列给出所用阈值，--rules 换用地区自己的规则。"})
final class ComplianceCommand implements Callable<Integer> {
    static final String HEADER = "hospital_id,record_id,rule_id,rule,subject,evidence,threshold";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Mixin
    private CaseFilterOptions cases;

    @Option(names = "--rules", paramLabel = "<文件>", description = "本地审核规则（compliance-rules/1 JSON）；默认内置规则")
    private Path rules;

    @Mixin
    private FormatOption output;

    @Override
    public Integer call() throws Exception {
        ComplianceRules r = rules == null ? ComplianceRules.standard()
                : ComplianceRulesLoader.parse(PaymentParameterCommands.read(rules), rules.getFileName().toString());
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace w = Workspace.open(data.data)) {
            ComplianceResult result = new ComplianceService(w, RulePackCatalog.bundled()).screen(cases.filter(), r);
            spec.commandLine().getErr().printf("%s：审核 %,d 例，标记 %,d 条%n", r.name(), result.cases(),
                    result.flags().size());
            if (output.csv()) {
                out.println(HEADER);
            }
            for (ComplianceFlag f : result.flags()) {
                if (output.csv()) {
                    StringBuilder s = new StringBuilder();
                    for (String v : new String[] {f.hospitalId(), f.recordId(), f.ruleId(), f.rule(), f.subject(),
                        f.evidence(), f.threshold()}) {
                        ResultCsv.field(s, v).append(',');
                    }
                    s.setLength(s.length() - 1);
                    out.println(s);
                } else {
                    out.println(f.hospitalId() + (f.recordId().isEmpty() ? "" : " " + f.recordId()) + "  " + f.rule()
                            + "\n    " + f.subject() + "：" + f.evidence() + "\n    阈值：" + f.threshold());
                }
            }
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return 0;
    }
}
