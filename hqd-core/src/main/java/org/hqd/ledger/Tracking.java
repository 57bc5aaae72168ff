package org.hqd.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;

/**
 * The rules that keep a ledger honest, as of a date: a task not done after its due date is 已逾期 whatever was
 * declared; a task still 未启动 within {@code warningDays} of its due date, or one whose measured target is not met
 * by then, is 有风险; a task cannot be declared 已完成 while a target HQD measures is not met (progress is measured,
 * not declared), and 已逾期 is never declared, only derived.
 */
public final class Tracking {
    public static final int DEFAULT_WARNING_DAYS = 60;

    /** The effective status and, when it differs from the declared one, why. */
    public record Assessment(TaskStatus status, String reason) { }

    private final LocalDate asOf;
    private final int warningDays;

    public Tracking(LocalDate asOf, int warningDays) {
        if (warningDays < 0) {
            throw new HqdException("预警天数不能为负数：" + warningDays);
        }
        this.asOf = asOf;
        this.warningDays = warningDays;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Assessment assess(TaskStatus declared, Optional<LocalDate> due, List<TargetCheck> checks) {
        if (declared == TaskStatus.DONE) {
            return new Assessment(TaskStatus.DONE, "");
        }
        if (due.isPresent() && asOf.isAfter(due.get())) {
            return new Assessment(TaskStatus.OVERDUE, "已过完成期限 " + due.get());
        }
        if (declared == TaskStatus.AT_RISK) {
            return new Assessment(TaskStatus.AT_RISK, "");
        }
        if (due.isPresent() && ChronoUnit.DAYS.between(asOf, due.get()) <= warningDays) {
            long days = ChronoUnit.DAYS.between(asOf, due.get());
            if (declared == TaskStatus.NOT_STARTED) {
                return new Assessment(TaskStatus.AT_RISK, "距完成期限 " + days + " 天仍未启动");
            }
            Optional<TargetCheck> missed = checks.stream().filter(c -> c.met().equals(Optional.of(false))).findFirst();
            if (missed.isPresent()) {
                return new Assessment(TaskStatus.AT_RISK, "距完成期限 " + days + " 天，" + describe(missed.get()));
            }
        }
        return new Assessment(declared, "");
    }

    /** Why a status may not be declared, if it may not. */
    public static Optional<String> refusal(TaskStatus wanted, List<TargetCheck> checks) {
        if (wanted == TaskStatus.OVERDUE) {
            return Optional.of("“已逾期”由完成期限自动判定，不能手工设置；可以设置为“有风险”或调整完成期限");
        }
        if (wanted == TaskStatus.DONE) {
            return checks.stream().filter(c -> c.met().equals(Optional.of(false))).findFirst()
                    .map(c -> describe(c) + "，不能标记为“已完成”（进度以数据为准）");
        }
        return Optional.empty();
    }

    static String describe(TargetCheck c) {
        TaskTarget t = c.target();
        return "目标“" + t.phrase() + t.text() + "”尚未达到（" + (c.basis().isEmpty() ? "" : c.basis() + "，") + "实际 "
                + format(c.actual().orElse(Double.NaN)) + "，目标 " + t.comparator().symbol() + " "
                + format(t.indicatorValue().orElse(Double.NaN)) + "）";
    }

    /** A value as a person reads it: whole numbers without decimals, others to four significant digits, "—" for none. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.valueOf((long) v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
