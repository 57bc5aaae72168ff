package org.hqd.report;

import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.Target;
import org.hqd.hospital.HospitalTier;

/**
 * How evaluation values read in the reports and on the console: in the indicator's unit (shares as
 * percentages), a dash for no data. A difference of two rates (a value against its target, an execution rate against
 * the time progress) is in 百分点, never in %: {@link #points}, {@link #against}; a ratio of two amounts stays a
 * percentage ({@link #percent}). The pages write them the same way ({@code js/format.js}: {@code pct}, {@code pp},
 * {@code versus}).
 */
public final class Formats {
    /** The unit of a level (电子病历系统应用水平 …): whole numbers. */
    static final String LEVEL = "级";

    private Formats() {
    }

    static String value(OptionalDouble v, Indicator i) {
        return value(v, i.unit());
    }

    /** The unit a value of this unit reads in: {@code ratio} as %, any other as itself (blank: none). */
    static String unitLabel(String unit) {
        return "ratio".equals(unit) ? "%" : unit;
    }

    /**
     * A value in this unit: {@code ratio} as a percentage, a whole level ({@code 级}, e.g. 电子病历系统应用水平 6) without
     * decimals, large numbers without decimals, else two decimals.
     */
    public static String value(OptionalDouble v, String unit) {
        if (v.isEmpty()) {
            return "—";
        }
        double x = v.getAsDouble();
        if ("ratio".equals(unit)) {
            return String.format("%.1f%%", 100 * x);
        }
        if (LEVEL.equals(unit) && x == Math.rint(x)) {
            return String.format("%.0f", x);
        }
        return Math.abs(x) >= 1000 ? String.format("%,.0f", x) : String.format("%.2f", x);
    }

    static String target(Optional<Target> t, Indicator i) {
        return t.map(x -> x.comparison().symbol() + value(OptionalDouble.of(x.value()), i)).orElse("—");
    }

    /** A fraction as a percentage with one decimal, or —. */
    public static String percent(OptionalDouble v) {
        return v.isPresent() ? String.format("%.1f%%", 100 * v.getAsDouble()) : "—";
    }

    /**
     * A difference of two rates (fractions) in 百分点 with its sign and one decimal: −0.123 → "-12.3 个百分点", 0.05 →
     * "+5.0 个百分点", a difference that rounds to zero → "0.0 个百分点"; — for none.
     */
    public static String points(OptionalDouble difference) {
        if (difference.isEmpty()) {
            return "—";
        }
        String p = String.format("%.1f", 100 * difference.getAsDouble());
        return (p.equals("0.0") || p.equals("-0.0") ? "0.0" : p.startsWith("-") ? p : "+" + p) + " 个百分点";
    }

    /**
     * A rate against a reference rate in words: (0.65, 0.75, "时间进度") → "低于时间进度 10.0 个百分点", (0.8, 0.75, …)
     * → "高于时间进度 5.0 个百分点", "与时间进度持平" when they differ by less than 0.05 个百分点; "" without a rate.
     */
    public static String against(OptionalDouble rate, double reference, String referenceName) {
        if (rate.isEmpty()) {
            return "";
        }
        String p = points(OptionalDouble.of(rate.getAsDouble() - reference));
        if (p.startsWith("0.0")) {
            return "与" + referenceName + "持平";
        }
        return (p.startsWith("-") ? "低于" : "高于") + referenceName + " " + p.substring(1);
    }

    static String score(OptionalDouble v) {
        return v.isPresent() ? String.format("%.1f", v.getAsDouble()) : "—";
    }

    static String tier(Optional<HospitalTier> t) {
        return HospitalTier.labelOf(t);
    }

    /** A row's cell in a tier table: value and a status mark. */
    static String cell(EvaluationRow r) {
        String mark = r.status().map(s -> switch (s) {
            case MET -> "√";
            case WARNING -> "△";
            case NOT_MET -> "×";
            case NO_DATA -> "";
        }).orElse("");
        return value(r.value(), r.indicator()) + (mark.isEmpty() ? "" : " " + mark);
    }
}
