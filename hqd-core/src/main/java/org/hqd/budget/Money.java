package org.hqd.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/** Amounts in fen (分): parsed from yuan as written ("1234.5", "-20", "1,234.50"), written back as yuan. */
public final class Money {
    private Money() {
    }

    /** The amount in fen, or empty when the text is not a number of yuan with at most two decimals. */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String t = text.strip().replace(",", "");
        if (!t.matches("[-+]?\\d{1,15}(\\.\\d{1,2})?")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(new BigDecimal(t).movePointRight(2).longValueExact());
    }

    /** Fen as yuan with two decimals: 12345 → "123.45". */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Fen as a double number of yuan. */
    public static double asYuan(long fen) {
        return fen / 100.0;
    }

    /** Yuan (a computed amount) rounded to the nearest fen. */
    public static long ofYuan(double yuan) {
        return BigDecimal.valueOf(yuan).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
