package org.hqd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.hqd.app.Workspace;
import org.hqd.app.payment.PaymentService;
import org.hqd.app.payment.Presettlement;
import org.hqd.app.payment.SettlementBasis;
import org.hqd.payment.MonthLine;
import org.hqd.payment.Settlement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hqd payment settle}: each case's settlement as the insurer computes it. */
@Command(name = "settle", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"逐例结算：hospital_id,record_id,payer,insured,drg,weight,case_type,points,payment,total_cost,balance",
            "非基金支付病例（insured=false）不计点数和支付、不计入合计；case_type 为 normal/high/low/special/ungrouped。",
            "表格输出给出合计和亏损最多的病例；--format csv 或 --output 给出全部病例；--explain 说明一例的计算过程。"})
final class PaymentSettleCommand extends DataCommand {
    @Mixin
    private CaseFilterOptions cases;

    @Mixin
    private MethodOption method;

    @Mixin
    private FormatOption output;

    @Option(names = "--output", paramLabel = "<文件>", description = "把全部病例的结算写入这个 CSV 文件（最快）")
    private Path file;

    @Option(names = "--explain", paramLabel = "<病案号>", description = "说明这一例（与 --hospital 一起）的结算过程")
    private String explain;

    @Override
    void run(Workspace w, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        PaymentService payment = new PaymentService(w, Clock.systemUTC());
        if (explain != null) {
            if (cases.hospital == null) {
                throw new org.hqd.HqdException("--explain 需要与 --hospital 一起给出");
            }
            Settlement s = payment.explain(method.method(), cases.hospital, explain);
            out.println(cases.hospital + " / " + explain + "：" + s.type().label() + "（" + s.rule() + "）");
            s.trace().forEach(line -> out.println("  " + line));
        } else if (file != null) {
            SettlementBasis b = payment.basis(method.method(), cases.filter());
            long n = payment.settleToFile(method.method(), cases.filter(), file);
            err.println(b.describe());
            out.printf("已写出 %,d 例的结算：%s%n", n, file);
        } else if (output.csv()) {
            err.println(payment.settle(method.method(), cases.filter(), out).describe());
        } else {
            table(out, payment);
        }
    }

    private void table(PrintWriter out, PaymentService payment) {
        Presettlement p = payment.monthly(method.method(), cases.filter());
        out.println(p.basis().describe());
        long[] t = new long[9];
        double points = 0;
        for (MonthLine m : p.lines()) {
            long[] v = {m.cases(), m.paymentFen(), m.costFen(), m.normal(), m.high(), m.low(), m.special(),
                m.ungrouped(), m.notInsured()};
            for (int i = 0; i < v.length; i++) {
                t[i] += v[i];
            }
            points += m.points();
        }
        out.printf("基金支付病例 %,d 例（正常 %,d，高倍率 %,d，低倍率 %,d，特殊 %,d，未入组 %,d），非基金支付 %,d 例不计%n", t[0],
                t[3], t[4], t[5], t[6], t[7], t[8]);
        out.printf("点数 %,.4f；支付 %s 元；费用 %s 元；结余 %s 元%n", points, Money.table(t[1]), Money.table(t[2]),
                Money.table(t[1] - t[2]));
        List<Settlement> worst = payment.cases(method.method(), cases.filter(), 20);
        out.println("亏损最多的病例：");
        out.println("  " + TextColumns.left("医院", 8) + TextColumns.left("病案号", 16) + TextColumns.left("病组", 10)
                + TextColumns.right("权重", 8) + TextColumns.left("  类型", 14) + TextColumns.right("点数", 12)
                + TextColumns.right("支付", 14) + TextColumns.right("费用", 14) + TextColumns.right("结余", 14));
        for (Settlement s : worst) {
            if (!s.insured()) {
                break;
            }
            out.println("  " + TextColumns.left(s.hospitalId(), 8) + TextColumns.left(s.recordId(), 16)
                    + TextColumns.left(s.group(), 10) + TextColumns.right(Double.isNaN(s.weight()) ? "—"
                    : String.format(Locale.ROOT, "%.4f", s.weight()), 8) + TextColumns.left("  " + s.type().label(), 14)
                    + TextColumns.right(String.format("%,.2f", s.points()), 12)
                    + TextColumns.right(Money.table(s.paymentFen()), 14) + TextColumns.right(Money.table(s.costFen()), 14)
                    + TextColumns.right(Money.table(s.balanceFen()), 14));
        }
        out.println("全部病例：--format csv 或 --output 文件；一例的计算过程：--hospital H --explain 病案号");
    }
}
