package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalDouble;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.payment.ParametersLoaded;
import org.hqd.app.payment.PaymentParameters;
import org.hqd.payment.OutlierBand;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.SpecialCase;
import org.hqd.payment.WeightVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The subcommands of {@code hqd payment} for the official parameters: weights, rules, 特病单议. */
final class PaymentParameterCommands {
    private PaymentParameterCommands() {
    }

    static String read(Path file) throws java.io.IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** {@code hqd payment weights load|list}. */
    @Command(name = "weights", mixinStandardHelpOptions = true, description = "官方病组权重（版本化，最新加载的版本生效）",
            subcommands = {WeightsLoad.class, WeightsList.class})
    static final class Weights extends CommandGroup {
    }

    @Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
            description = "加载医保部门公布的权重表 CSV（drg,weight[,base_cost]）为新版本；整表检查，有错误则全部列出、不加载")
    static final class WeightsLoad extends DataCommand {
        @Parameters(paramLabel = "<文件>", description = "权重表 CSV（UTF-8）")
        private Path file;

        @Option(names = "--name", required = true, paramLabel = "<名称>", description = "版本名称，如 \"2025 年 CHS-DRG 2.0 权重\"")
        private String name;

        @Option(names = "--rate", paramLabel = "<元>", description = "费率（元/权重）")
        private Double rate;

        @Option(names = "--point-value", paramLabel = "<元>", description = "点值（元/点）")
        private Double pointValue;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            ParametersLoaded l = new PaymentParameters(w, Clock.systemUTC()).loadWeights(Actor.commandLine(),
                    file.getFileName().toString(), read(file), name, optional(rate), optional(pointValue));
            out.println(l.alreadyLoaded() ? String.format("%s 已是生效的权重版本 %d，未变", file.getFileName(), l.version())
                    : String.format("已加载权重版本 %d「%s」：%,d 个病组；此版本自现在起生效", l.version(), name, l.rows()));
        }
    }

    static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出已加载的权重版本")
    static final class WeightsList extends DataCommand {
        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            var versions = new PaymentParameters(w, Clock.systemUTC()).weightVersions();
            if (versions.isEmpty()) {
                out.println("尚未加载官方权重：结算与成本产出使用 HQD 自己的权重（hqd standards）");
            }
            for (WeightVersion v : versions) {
                out.printf("版本 %d  %s  %,d 个病组  %s  %s  %s%s%n", v.version(), v.name(), v.groups(),
                        v.rate().isPresent() ? "费率 " + v.rate().getAsDouble() : v.pointValue().isPresent()
                                ? "点值 " + v.pointValue().getAsDouble() : "预算中性点值", v.file(), v.loadedAt(),
                        v == versions.get(versions.size() - 1) ? "  （生效）" : "");
            }
        }
    }

    /** {@code hqd payment rules load|show}. */
    @Command(name = "rules", mixinStandardHelpOptions = true, description = "支付规则（付款方式、高低倍率、特殊病例、特病单议）",
            subcommands = {RulesLoad.class, RulesShow.class})
    static final class Rules extends CommandGroup {
    }

    @Command(name = "load", mixinStandardHelpOptions = true, description = "加载本地支付规则（payment-rules/1 JSON）；检查全部问题后才加载")
    static final class RulesLoad extends DataCommand {
        @Mixin
        private MethodOption method;

        @Parameters(paramLabel = "<文件>", description = "规则文件（JSON，UTF-8）")
        private Path file;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            ParametersLoaded l = new PaymentParameters(w, Clock.systemUTC()).loadRules(Actor.commandLine(),
                    method.method(), file.getFileName().toString(), read(file));
            out.printf("已加载%s规则（版本 %d），自现在起生效%n", method.method().label(), l.version());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "显示生效的支付规则及其依据")
    static final class RulesShow extends DataCommand {
        @Mixin
        private MethodOption method;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            PaymentRules r = new PaymentParameters(w, Clock.systemUTC()).rules(method.method());
            out.println(r.name() + "（" + r.id() + "）\n  依据：" + r.source());
            out.println("基金支付的付款方式：" + String.join("、", r.payers().all().stream().filter(p -> p.insured())
                    .map(p -> p.code() + " " + p.name()).toList()) + "\n  依据：" + r.payers().source());
            out.print("高倍率：");
            for (OutlierBand b : r.high().bands()) {
                out.print((b.weightAtMost() == Double.POSITIVE_INFINITY ? "其余" : "权重 ≤ " + b.weightAtMost())
                        + " 费用 ≥ " + b.multiple() + " 倍均费；");
            }
            out.println(r.high().points().label() + "\n  依据：" + r.high().source());
            out.println("低倍率：费用 < " + r.low().costBelow() + " 倍均费；" + r.low().points().label() + "\n  依据："
                    + r.low().source());
            for (SpecialCase s : r.special()) {
                out.println("特殊病例 " + s.id() + " " + s.label() + "（" + s.when().label() + "）："
                        + s.points().label() + "\n  依据：" + s.source());
            }
            out.println(r.review().label() + "：" + r.review().points().label() + "\n  依据：" + r.review().source());
            out.println(r.ungrouped().label() + "：" + r.ungrouped().points().label() + "\n  依据：" + r.ungrouped().source());
        }
    }

    /** {@code hqd payment reviews load|list}: 特病单议. */
    @Command(name = "reviews", mixinStandardHelpOptions = true, description = "特病单议病例（须有理由）",
            subcommands = {ReviewsLoad.class, ReviewsList.class})
    static final class Reviews extends CommandGroup {
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "加载评议通过的特病单议病例 CSV（hospital_id,record_id,reason）；无理由或数据中没有的病例逐行拒收")
    static final class ReviewsLoad extends DataCommand {
        @Parameters(paramLabel = "<文件>")
        private Path file;

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            ParametersLoaded l = new PaymentParameters(w, Clock.systemUTC()).loadReviews(Actor.commandLine(),
                    file.getFileName().toString(), read(file));
            out.printf("特病单议：接受 %,d 例，拒收 %,d 行%n", l.rows(), l.refused().size());
            l.refused().forEach(r -> out.println("  拒收 " + r));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出特病单议病例")
    static final class ReviewsList extends DataCommand {
        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            out.println("hospital_id,record_id,reason,accepted_at,accepted_by");
            new PaymentParameters(w, Clock.systemUTC()).reviews().forEach(r -> {
                StringBuilder s = new StringBuilder();
                for (String v : new String[] {r.hospitalId(), r.recordId(), r.reason(), r.acceptedAt().toString(),
                    r.acceptedBy()}) {
                    org.hqd.io.grouping.ResultCsv.field(s, v).append(',');
                }
                s.setLength(s.length() - 1);
                out.println(s);
            });
        }
    }

}
