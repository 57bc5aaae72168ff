package org.hqd.cli;

import java.util.Locale;
import java.util.OptionalDouble;

/** How optional metric values are written: in CSV empty when undefined (never NaN), in tables a dash. */
final class Cells {
    private Cells() {
    }

    /** A CSV value with six decimals, or empty. */
    static String csv(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.6f", v.getAsDouble()) : "";
    }

    /** A table value with these decimals, or —. */
    static String fixed(OptionalDouble v, int digits) {
        return v.isPresent() ? String.format("%." + digits + "f", v.getAsDouble()) : "—";
    }

    /** A table percentage with three decimals, or —. */
    static String percent(OptionalDouble v) {
        return v.isPresent() ? String.format("%.3f%%", 100 * v.getAsDouble()) : "—";
    }

    /** A number as written by hand: no exponent, no trailing zeros (0.9, 85, 1.25). */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
