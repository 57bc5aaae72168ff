package org.hqd.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable buffer of UTF-8 CSV text, written without {@code String.format} or boxing: the output buffer of one
 * block of rows. Fields are appended raw; the caller adds separators and quotes text that needs quoting.
 */
final class CsvBytes {
    private static final byte[] DIGIT_PAIRS = digitPairs();
    /** 10, 100, …, 10^18: the smallest number of each digit count from 2 digits on. */
    private static final long[] POWERS = powers();
    /** The first epoch day of {@link #DATES}: 1900-01-01. */
    private static final long FIRST_DAY = CivilDates.epochDay(1900, 1, 1);
    /** {@code YYYY-MM-DD} of every day from 1900-01-01 to 2099-12-31, ten bytes each: a date is one copy. */
    private static final byte[] DATES = dates(FIRST_DAY, CivilDates.epochDay(2100, 1, 1));

    private byte[] buf;
    private int length;

    CsvBytes(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** The UTF-8 bytes of a text, for constants appended on the hot path. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    CsvBytes bytes(byte[] b) {
        reserve(b.length);
        System.arraycopy(b, 0, buf, length, b.length);
        length += b.length;
        return this;
    }

    /** Appends an ASCII character. */
    CsvBytes ascii(char c) {
        reserve(1);
        buf[length++] = (byte) c;
        return this;
    }

    CsvBytes comma() {
        return ascii(',');
    }

    CsvBytes newline() {
        return ascii('\n');
    }

    /** Appends a whole number in decimal. */
    CsvBytes number(long v) {
        if (v < 0) {
            ascii('-');
            if (v == Long.MIN_VALUE) {
                return bytes(utf8("9223372036854775808"));
            }
            v = -v;
        }
        return padded(v, 1);
    }

    /** Appends a non-negative whole number with leading zeros to at least {@code width} digits. */
    CsvBytes padded(long v, int width) {
        if (v <= Integer.MAX_VALUE) {
            return padded((int) v, width);
        }
        int digits = 1;
        while (digits < POWERS.length + 1 && v >= POWERS[digits - 1]) {
            digits++;
        }
        int n = Math.max(digits, width);
        reserve(n);
        int at = length + n;
        while (v >= 100) {
            int pair = (int) (v % 100) * 2;
            v /= 100;
            buf[--at] = DIGIT_PAIRS[pair + 1];
            buf[--at] = DIGIT_PAIRS[pair];
        }
        buf[--at] = (byte) ('0' + v % 10);
        if (v >= 10) {
            buf[--at] = (byte) ('0' + v / 10);
        }
        while (at > length) {
            buf[--at] = '0';
        }
        length += n;
        return this;
    }

    /** {@link #padded(long, int)} of a non-negative int: the common case, in int arithmetic. */
    private CsvBytes padded(int v, int width) {
        int digits = digits(v);
        int n = digits > width ? digits : width;
        reserve(n);
        byte[] b = buf;
        int at = length + n;
        while (v >= 100) {
            int q = v / 100;
            int pair = (v - q * 100) << 1;
            v = q;
            b[--at] = DIGIT_PAIRS[pair + 1];
            b[--at] = DIGIT_PAIRS[pair];
        }
        if (v >= 10) {
            int pair = v << 1;
            b[--at] = DIGIT_PAIRS[pair + 1];
            b[--at] = DIGIT_PAIRS[pair];
        } else {
            b[--at] = (byte) ('0' + v);
        }
        while (at > length) {
            b[--at] = '0';
        }
        length += n;
        return this;
    }

    /** The number of decimal digits of a non-negative int. */
    private static int digits(int v) {
        if (v < 100_000) {
            return v < 100 ? (v < 10 ? 1 : 2) : v < 1_000 ? 3 : v < 10_000 ? 4 : 5;
        }
        return v < 10_000_000 ? (v < 1_000_000 ? 6 : 7) : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
    }

    /** Appends an amount given in cents (fen) as yuan with two decimals, e.g. 123456 → {@code 1234.56}. */
    CsvBytes cents(long cents) {
        if (cents < 0) {
            ascii('-');
            cents = -cents;
        }
        padded(cents / 100, 1);
        reserve(3);
        int pair = (int) (cents % 100) * 2;
        buf[length] = '.';
        buf[length + 1] = DIGIT_PAIRS[pair];
        buf[length + 2] = DIGIT_PAIRS[pair + 1];
        length += 3;
        return this;
    }

    /** Appends an epoch day as {@code YYYY-MM-DD}. */
    CsvBytes date(long epochDay) {
        long i = epochDay - FIRST_DAY;
        if (i >= 0 && i < DATES.length / 10) {
            reserve(10);
            System.arraycopy(DATES, (int) i * 10, buf, length, 10);
            length += 10;
            return this;
        }
        int c = CivilDates.civil(epochDay);
        padded(CivilDates.year(c), 4).ascii('-');
        padded(CivilDates.month(c), 2).ascii('-');
        return padded(CivilDates.day(c), 2);
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, length);
    }

    @Override
    public String toString() {
        return new String(buf, 0, length, StandardCharsets.UTF_8);
    }

    private void reserve(int extra) {
        if (length + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
        }
    }

    private static long[] powers() {
        long[] p = new long[18];
        long x = 1;
        for (int i = 0; i < p.length; i++) {
            x *= 10;
            p[i] = x;
        }
        return p;
    }

    private static byte[] dates(long first, long end) {
        byte[] out = new byte[(int) (end - first) * 10];
        for (long d = first; d < end; d++) {
            int c = CivilDates.civil(d);
            int at = (int) (d - first) * 10;
            int y = CivilDates.year(c);
            int m = CivilDates.month(c);
            int day = CivilDates.day(c);
            byte[] text = {(byte) ('0' + y / 1000), (byte) ('0' + y / 100 % 10), (byte) ('0' + y / 10 % 10),
                (byte) ('0' + y % 10), '-', (byte) ('0' + m / 10), (byte) ('0' + m % 10), '-',
                (byte) ('0' + day / 10), (byte) ('0' + day % 10)};
            System.arraycopy(text, 0, out, at, 10);
        }
        return out;
    }

    private static byte[] digitPairs() {
        byte[] p = new byte[200];
        for (int i = 0; i < 100; i++) {
            p[2 * i] = (byte) ('0' + i / 10);
            p[2 * i + 1] = (byte) ('0' + i % 10);
        }
        return p;
    }
}
