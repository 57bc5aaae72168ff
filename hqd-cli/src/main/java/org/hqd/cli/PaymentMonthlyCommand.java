package org.hqd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import org.hqd.app.Workspace;
import org.hqd.app.payment.PaymentService;
import org.hqd.app.payment.Presettlement;
import org.hqd.payment.MonthLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hqd payment monthly}: monthly pre-settlement per hospital. */
@Command(name = "monthly", mixinStandardHelpOptions = true, sortOptions = false,
        description = "月度预结算：每家医院每月基金支付病例的点数、按生效点值的支付、费用与结余，以及各类病例数")
final class PaymentMonthlyCommand extends DataCommand {
    static final String HEADER = "month,hospital_id,cases,points,payment,total_cost,balance,normal,high,low,special,"
            + "ungrouped,not_insured";

    @Mixin
    private CaseFilterOptions cases;

    @Mixin
    private MethodOption method;

    @Mixin
    private FormatOption output;

    @Override
    void run(Workspace w, PrintWriter out) {
        Presettlement p = new PaymentService(w, Clock.systemUTC()).monthly(method.method(), cases.filter());
        spec.commandLine().getErr().println(p.basis().describe());
        out.println(output.csv() ? HEADER : TextColumns.left("月份", 9) + TextColumns.left("医院", 8)
                + TextColumns.right("病例", 9) + TextColumns.right("点数", 16) + TextColumns.right("预结算支付", 18)
                + TextColumns.right("费用", 18) + TextColumns.right("结余", 16) + TextColumns.right("高倍率", 8)
                + TextColumns.right("低倍率", 8) + TextColumns.right("特殊", 6) + TextColumns.right("未入组", 8)
                + TextColumns.right("非基金", 8));
        for (MonthLine m : p.lines()) {
            if (output.csv()) {
                out.println(String.join(",", m.month(), m.hospitalId(), String.valueOf(m.cases()),
                        String.format(Locale.ROOT, "%.4f", m.points()), Money.csv(m.paymentFen()), Money.csv(m.costFen()),
                        Money.csv(m.balanceFen()), String.valueOf(m.normal()), String.valueOf(m.high()),
                        String.valueOf(m.low()), String.valueOf(m.special()), String.valueOf(m.ungrouped()),
                        String.valueOf(m.notInsured())));
            } else {
                out.println(TextColumns.left(m.month(), 9) + TextColumns.left(m.hospitalId(), 8)
                        + TextColumns.right(String.format("%,d", m.cases()), 9)
                        + TextColumns.right(String.format("%,.2f", m.points()), 16)
                        + TextColumns.right(Money.table(m.paymentFen()), 18)
                        + TextColumns.right(Money.table(m.costFen()), 18)
                        + TextColumns.right(Money.table(m.balanceFen()), 16)
                        + TextColumns.right(String.valueOf(m.high()), 8) + TextColumns.right(String.valueOf(m.low()), 8)
                        + TextColumns.right(String.valueOf(m.special()), 6)
                        + TextColumns.right(String.valueOf(m.ungrouped()), 8)
                        + TextColumns.right(String.valueOf(m.notInsured()), 8));
            }
        }
    }
}
