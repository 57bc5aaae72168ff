package org.hqd.cli;

import java.util.Locale;

/** Amounts in fen as the command line writes them: CSV with two decimals exactly, tables with thousands separators. */
final class Money {
    private Money() {
    }

    /** {@code 12345} → {@code 123.45}; exact, no floating point. */
    static String csv(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format(Locale.ROOT, "%02d", Math.abs(fen) % 100);
    }

    /** {@code 1234567} → {@code 12,345.67}. */
    static String table(long fen) {
        return (fen < 0 ? "-" : "") + String.format(Locale.ROOT, "%,d", Math.abs(fen) / 100) + "."
                + String.format(Locale.ROOT, "%02d", Math.abs(fen) % 100);
    }

    /** A yuan amount the user typed, in fen; more than two decimals is refused. */
    static long fen(String yuan, String option) {
        try {
            return new java.math.BigDecimal(yuan.strip().replace(",", "")).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new org.hqd.HqdException(option + " 应为元，最多两位小数，实际为 '" + yuan + "'");
        }
    }
}
