package org.hqd.report;

import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.Target;
import org.hqd.hospital.HospitalTier;

/**
 * How evaluation values read in the reports and on the console: in the indicator's unit (shares as
 * percentages), a dash for no data.
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
