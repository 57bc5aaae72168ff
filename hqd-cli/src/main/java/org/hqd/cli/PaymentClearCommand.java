package org.hqd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.payment.ClearingResult;
import org.hqd.app.payment.PaymentService;
import org.hqd.payment.ClearingLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd payment clear}: the year-end 清算 of the region's fund. */
@Command(name = "clear", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"年终清算：点值 = 基金总额 ÷ 全年基金支付病例总点数；按医院 × 病组分配到分，医院合计与病组合计都等于基金总额；",
            "清算差额 = 清算金额 − 月度预结算已付。--save 保存清算结果并记入审计日志。"})
final class PaymentClearCommand implements Callable<Integer> {
    static final String HEADER = "hospital_id,drg,cases,points,presettled,cleared,difference";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--year", required = true, paramLabel = "<年>", description = "清算年度（按出院日期）")
    private int year;

    @Option(names = "--fund", required = true, paramLabel = "<元>", description = "地区年度 DRG（或 DIP）基金支付总额，元")
    private String fund;

    @Option(names = "--by", defaultValue = "hospital", paramLabel = "hospital|drg|cell",
            description = "按医院、按病组或医院 × 病组列出；默认 ${DEFAULT-VALUE}")
    private String by;

    @Option(names = "--save", description = "保存本次清算（记入审计日志）")
    private boolean save;

    @Mixin
    private MethodOption method;

    @Mixin
    private FormatOption output;

    @Override
    public Integer call() {
        long fundFen = Money.fen(fund, "--fund");
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace w = Workspace.open(data.data)) {
            ClearingResult r = new PaymentService(w, Clock.systemUTC()).clear(Actor.commandLine(), method.method(), year,
                    fundFen, save);
            List<ClearingLine> lines = switch (by.toLowerCase(Locale.ROOT)) {
                case "hospital" -> r.clearing().byHospital();
                case "drg" -> r.clearing().byGroup();
                case "cell" -> r.clearing().lines();
                default -> throw new HqdException("--by 应为 hospital、drg 或 cell，实际为 '" + by + "'");
            };
            spec.commandLine().getErr().printf("%d 年清算：基金 %s 元 ÷ 总点数 %,.4f = 点值 %.6f 元；预结算按 %s%s%n", year,
                    Money.table(fundFen), r.clearing().totalPoints(), r.clearing().pointValue(), r.basis().describe(),
                    r.savedAs().isPresent() ? "；已保存为清算 " + r.savedAs().getAsInt() : "");
            out.println(output.csv() ? HEADER : TextColumns.left("医院", 8) + TextColumns.left("病组", 10)
                    + TextColumns.right("病例", 9) + TextColumns.right("点数", 16) + TextColumns.right("预结算已付", 18)
                    + TextColumns.right("清算金额", 18) + TextColumns.right("清算差额", 16));
            long total = 0;
            for (ClearingLine l : lines) {
                total += l.clearedFen();
                if (output.csv()) {
                    out.println(String.join(",", l.hospitalId(), l.group(), String.valueOf(l.cases()),
                            String.format(Locale.ROOT, "%.4f", l.points()), Money.csv(l.presettledFen()),
                            Money.csv(l.clearedFen()), Money.csv(l.differenceFen())));
                } else {
                    out.println(TextColumns.left(l.hospitalId(), 8) + TextColumns.left(l.group(), 10)
                            + TextColumns.right(String.format("%,d", l.cases()), 9)
                            + TextColumns.right(String.format("%,.2f", l.points()), 16)
                            + TextColumns.right(Money.table(l.presettledFen()), 18)
                            + TextColumns.right(Money.table(l.clearedFen()), 18)
                            + TextColumns.right(Money.table(l.differenceFen()), 16));
                }
            }
            if (!output.csv()) {
                out.println("合计清算金额 " + Money.table(total) + " 元（= 基金总额）");
            }
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return 0;
    }
}
