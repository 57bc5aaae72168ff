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
        int digits = 1;
        for (long x = v / 10; x > 0; x /= 10) {
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

    /** Appends an amount given in cents (fen) as yuan with two decimals, e.g. 123456 → {@code 1234.56}. */
    CsvBytes cents(long cents) {
        if (cents < 0) {
            ascii('-');
            cents = -cents;
        }
        padded(cents / 100, 1);
        ascii('.');
        return padded(cents % 100, 2);
    }

    /** Appends an epoch day as {@code YYYY-MM-DD}. */
    CsvBytes date(long epochDay) {
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

    private static byte[] digitPairs() {
        byte[] p = new byte[200];
        for (int i = 0; i < 100; i++) {
            p[2 * i] = (byte) ('0' + i / 10);
            p[2 * i + 1] = (byte) ('0' + i % 10);
        }
        return p;
    }
}
