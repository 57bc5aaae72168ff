package org.hqd.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.hqd.ledger.Deadline;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TaskTarget;
import org.hqd.ledger.TrackedTask;

/** The words of a ledger briefing (任务推进台账通报), shared by the PDF and the Excel renderings. */
final class LedgerText {
    /** The statuses in the order of the table columns. */
    static final List<TaskStatus> STATUSES = List.of(TaskStatus.values());

    private final LedgerSummary s;

    LedgerText(LedgerSummary s) {
        this.s = s;
    }

    /** Tasks in all plans with this effective status. */
    int count(TaskStatus status) {
        return s.plans().stream().mapToInt(p -> p.count(status)).sum();
    }

    /** Tasks in all plans. */
    int total() {
        return s.plans().stream().mapToInt(LedgerSummary.PlanProgress::total).sum();
    }

    /** Target checks with a measured actual that misses the target. */
    long missed() {
        return s.measured().stream().flatMap(t -> t.checks().stream())
                .filter(c -> c.met().isPresent() && !c.met().get()).count();
    }

    /** Target checks in all. */
    long checks() {
        return s.measured().stream().mapToLong(t -> t.checks().size()).sum();
    }

    /** "截至 2025-06-30；统计期间 2025-01..2025-06". */
    String subtitle(String period) {
        return "截至 " + s.asOf() + (period == null || period.isBlank() ? "" : "；统计期间 " + period);
    }

    String summary() {
        int total = total();
        StringBuilder b = new StringBuilder("纳入台账的方案 ").append(s.plans().size()).append(" 个、任务 ").append(total)
                .append(" 项：已完成 ").append(count(TaskStatus.DONE)).append(" 项（完成率 ")
                .append(percent(total == 0 ? 0 : (double) count(TaskStatus.DONE) / total)).append("）");
        for (TaskStatus st : List.of(TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED, TaskStatus.AT_RISK,
                TaskStatus.OVERDUE)) {
            b.append("，").append(st.label()).append(" ").append(count(st)).append(" 项");
        }
        b.append("。需回头看的任务 ").append(s.followUp().size()).append(" 项（已逾期 ").append(count(TaskStatus.OVERDUE))
                .append(" 项、有风险 ").append(count(TaskStatus.AT_RISK)).append(" 项）。涉及责任单位 ")
                .append(s.units().size()).append(" 个。");
        long checks = checks();
        if (checks > 0) {
            long measured = s.measured().stream().flatMap(t -> t.checks().stream())
                    .filter(c -> c.actual().isPresent()).count();
            b.append("关联 HQD 指标的量化目标 ").append(checks).append(" 项次，其中有数据 ").append(measured)
                    .append(" 项次、未达标 ").append(missed()).append(" 项次。");
        }
        return b.toString();
    }

    /** Lead units joined by 、, or "" when none is named. */
    static String leads(PlanTask t) {
        return String.join("、", t.leadUnits());
    }

    /** The due date, else the deadlines as written, else —. */
    static String due(PlanTask t) {
        return t.due().map(LocalDate::toString).orElseGet(() -> t.deadlines().isEmpty() ? "—"
                : t.deadlines().stream().map(Deadline::text).collect(Collectors.joining("、")));
    }

    /**
     * Why the task is on the follow-up list. The ledger gives a reason only when the effective status differs
     * from the declared one; a task its unit declared 有风险 itself says so.
     */
    static String reason(TrackedTask t) {
        if (!t.reason().isEmpty()) {
            return t.reason();
        }
        return t.declared() == t.status() ? "填报为“" + t.status().label() + "”" : "";
    }

    /** The target as a sentence: the indicator phrase and the words of the target ("平均住院日" + "控制在8天以内"). */
    static String target(TaskTarget t) {
        return t.phrase() + t.text();
    }

    /** 达标, 未达标 or 无数据. */
    static String result(TargetCheck c) {
        return c.met().map(m -> m ? "达标" : "未达标").orElse("无数据");
    }

    /** A number on an indicator's scale with at most four significant digits, or —. */
    static String number(OptionalDouble v) {
        if (v.isEmpty() || Double.isNaN(v.getAsDouble()) || Double.isInfinite(v.getAsDouble())) {
            return "—";
        }
        double x = v.getAsDouble();
        return x == Math.rint(x) && Math.abs(x) < 1e12 ? String.valueOf((long) x)
                : new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A share as a percentage with one decimal. */
    static String percent(double share) {
        return String.format("%.1f%%", 100 * share);
    }
}
