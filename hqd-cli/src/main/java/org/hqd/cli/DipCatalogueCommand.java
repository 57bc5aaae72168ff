package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.payment.ParametersLoaded;
import org.hqd.app.payment.PaymentParameters;
import org.hqd.payment.PaymentMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hqd dip catalogue load}: the national or regional DIP catalogue as the insurer publishes it. */
@Command(name = "catalogue", mixinStandardHelpOptions = true, description = "医保部门公布的 DIP 病种目录库",
        subcommands = DipCatalogueCommand.Load.class)
final class DipCatalogueCommand extends CommandGroup {

    @Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"导入国家或地区 DIP 病种目录（group_code,principal_dx,operations,score[,mean_cost,type,name]）",
                "及辅助目录（--aux：kind、level、condition、coefficient、source）和偏差病例规则（--rules），",
                "作为生效的 DIP 目录并为全部病例分配病种。辅助目录的条件以 & 连接，如 cci>=3、age_years>=80、age_days<=28、"
                    + "secondary_dx^C77|C78|C79、any_proc^99.25；同一 kind 中第一条成立的行给出等级，各 kind 的系数相乘"})
    static final class Load extends DataCommand {
        @Parameters(paramLabel = "<目录文件>", description = "病种目录 CSV 或 TSV（UTF-8）")
        private Path file;

        @Option(names = "--aux", paramLabel = "<文件>", description = "辅助目录 TSV（CCI、疾病严重程度、年龄、肿瘤严重程度 …）")
        private Path aux;

        @Option(names = "--rules", paramLabel = "<文件>", description = "DIP 支付规则（payment-rules/1，含超高/超低偏差病例）；默认内置")
        private Path rules;

        @Option(names = "--point-value", paramLabel = "<元>", description = "公布的点值（元/分）；没有 mean_cost 的病种按分值 × 点值得到次均费用")
        private Double pointValue;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            PaymentParameters p = new PaymentParameters(w, Clock.systemUTC());
            if (rules != null) {
                p.loadRules(Actor.commandLine(), PaymentMethod.DIP, rules.getFileName().toString(),
                        PaymentParameterCommands.read(rules));
            }
            ParametersLoaded l = p.loadDipCatalogue(Actor.commandLine(), file.getFileName().toString(),
                    PaymentParameterCommands.read(file), Optional.ofNullable(aux).map(a -> a.getFileName().toString()),
                    aux == null ? Optional.empty() : Optional.of(PaymentParameterCommands.read(aux)),
                    PaymentParameterCommands.optional(pointValue));
            out.printf("已导入 DIP 目录版本 %d：%,d 个病种%s；全部病例已按此目录分配病种%n", l.version(),
                    l.rows(), aux == null ? "" : "，含辅助目录");
        }
    }
}
