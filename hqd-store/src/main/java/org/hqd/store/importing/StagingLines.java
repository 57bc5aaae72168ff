package org.hqd.store.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Staging CSV lines for DuckDB, written straight as UTF-8 bytes (no string building and re-encoding on the way):
 * an empty field is NULL, text is quoted when it holds a comma, a quote or a line break. Fields are appended to
 * the current line; {@link #end()} closes it.
 */
final class StagingLines {
    private static final int UNSIGNED_DIGITS = 20;
    private static final int MAX_ENCODED = 4096;
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final Map<String, byte[]> encoded = new HashMap<>();
    private byte[] buf;
    private int len;
    private boolean lineStart = true;

    StagingLines(int capacity) {
        this.buf = new byte[Math.max(capacity, 64)];
    }

    /** Bytes written so far. */
    int length() {
        return len;
    }

    /** The buffer; bytes {@code [0, length())} are the lines. */
    byte[] array() {
        return buf;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    StagingLines text(String v) {
        separator();
        int n = v.length();
        ensure(n);
        int at = len;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                len = at; // not plain ASCII: start over the slow way
                return quotedOrEncoded(v);
            }
            buf[len++] = (byte) c;
        }
        return this;
    }

    /** Text with non-ASCII characters (encoded once per distinct value and buffer) or characters to quote. */
    private StagingLines quotedOrEncoded(String v) {
        // department, payer and the like repeat on every line: their bytes are kept for the buffer's lifetime
        byte[] b = encoded.get(v);
        if (b == null) {
            boolean quote = false;
            for (int i = 0; i < v.length() && !quote; i++) {
                char c = v.charAt(i);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            if (quote) {
                return quoted(v);
            }
            b = v.getBytes(StandardCharsets.UTF_8);
            if (encoded.size() < MAX_ENCODED) {
                encoded.put(v, b);
            }
        }
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    private StagingLines quoted(String v) {
        put((byte) '"');
        for (byte x : v.getBytes(StandardCharsets.UTF_8)) {
            if (x == '"') {
                put(x);
            }
            put(x);
        }
        put((byte) '"');
        return this;
    }

    /** The values joined by '|', as one text field. */
    StagingLines list(List<?> v) {
        if (v.size() == 1) {
            return text(String.valueOf(v.get(0)));
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            if (i > 0) {
                s.append('|');
            }
            s.append(v.get(i));
        }
        return text(s.toString());
    }

    /** A whole number; negative means missing. */
    StagingLines whole(long v) {
        separator();
        if (v >= 0) {
            digits(v);
        }
        return this;
    }

    /** An amount; NaN means missing. Whole cents are written as such, without a general double conversion. */
    StagingLines amount(double v) {
        separator();
        if (Double.isNaN(v)) {
            return this;
        }
        double cents = v * 100;
        long c = Math.round(cents);
        if (Math.abs(cents - c) < 1e-6 && Math.abs(c) < 1L << 50 && c / 100.0 == v) {
            if (c < 0) {
                put((byte) '-');
                c = -c;
            }
            digits(c / 100);
            put((byte) '.');
            long r = c % 100;
            put((byte) ('0' + r / 10));
            put((byte) ('0' + r % 10));
        } else {
            ascii(Double.toString(v));
        }
        return this;
    }

    StagingLines date(@Nullable LocalDate d) {
        separator();
        if (d == null) {
            return this;
        }
        int y = d.getYear();
        if (y < 1000 || y > 9999) {
            ascii(d.toString());
            return this;
        }
        ensure(10);
        buf[len++] = (byte) ('0' + y / 1000);
        buf[len++] = (byte) ('0' + y / 100 % 10);
        buf[len++] = (byte) ('0' + y / 10 % 10);
        buf[len++] = (byte) ('0' + y % 10);
        buf[len++] = '-';
        buf[len++] = (byte) ('0' + d.getMonthValue() / 10);
        buf[len++] = (byte) ('0' + d.getMonthValue() % 10);
        buf[len++] = '-';
        buf[len++] = (byte) ('0' + d.getDayOfMonth() / 10);
        buf[len++] = (byte) ('0' + d.getDayOfMonth() % 10);
        return this;
    }

    StagingLines bool(boolean v) {
        separator();
        ascii(v ? "true" : "false");
        return this;
    }

    /** An unsigned 64-bit value, zero-padded to 20 digits. */
    StagingLines unsigned(long v) {
        separator();
        ensure(UNSIGNED_DIGITS);
        long rest = v;
        for (int i = UNSIGNED_DIGITS - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + Long.remainderUnsigned(rest, 10));
            rest = Long.divideUnsigned(rest, 10);
        }
        len += UNSIGNED_DIGITS;
        return this;
    }

    StagingLines end() {
        put((byte) '\n');
        lineStart = true;
        return this;
    }

    /**
     * A 64-bit hash of bytes {@code [from, to)}: eight bytes at a time, each word mixed in with a multiply and a
     * rotation, then a final avalanche (not cryptographic: it tells a changed row from an unchanged one).
     */
    long hash(int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft((h ^ (long) WORD.get(buf, i)) * 0xC2B2AE3D27D4EB4FL, 31);
        }
        long tail = 0;
        for (int k = 0; i < to; i++, k += 8) {
            tail |= (buf[i] & 0xffL) << k;
        }
        h = (h ^ tail) * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    private void separator() {
        if (!lineStart) {
            put((byte) ',');
        }
        lineStart = false;
    }

    private void digits(long v) {
        ensure(19);
        if (v < 10) {
            buf[len++] = (byte) ('0' + v);
            return;
        }
        int n = 2;
        while (n < 19 && v >= POWERS_OF_TEN[n]) {
            n++;
        }
        long rest = v;
        for (int i = len + n - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        len += n;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = b;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    /** For tests: the lines as text. */
    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
