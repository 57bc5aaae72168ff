package org.hqd.io.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What encoding a block of text bytes can be in: only ASCII (any of them), UTF-8, GBK (GB18030 when it has
 * four-byte sequences), or none of these. Hospital systems export UTF-8 or GBK; a file is read in the one its bytes
 * are valid in (UTF-8 first: GBK text is almost never valid UTF-8), so that GBK is never stored as replacement
 * characters. Checks structure only, eight bytes at a time over ASCII runs.
 */
public enum TextEncoding {
    ASCII,
    UTF8,
    GBK,
    GB18030,
    /** Valid in none of them. */
    INVALID;

    /** GBK as the JDK names it. */
    public static final Charset GBK_CHARSET = Charset.forName("GBK");
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The charset to read text of this encoding with, if it has one (ASCII: UTF-8). */
    public Optional<Charset> charset() {
        return switch (this) {
            case ASCII, UTF8 -> Optional.of(StandardCharsets.UTF_8);
            case GBK -> Optional.of(GBK_CHARSET);
            case GB18030 -> Optional.of(Charset.forName("GB18030"));
            case INVALID -> Optional.empty();
        };
    }

    /** The encoding bytes {@code [from, to)} are valid in (a multi-byte character cut at {@code to} counts as valid). */
    public static TextEncoding of(byte[] b, int from, int to) {
        int first = firstNonAscii(b, from, to);
        if (first == to) {
            return ASCII;
        }
        if (validUtf8(b, first, to)) {
            return UTF8;
        }
        int gbk = gbk(b, first, to);
        return gbk == 2 ? GBK : gbk == 4 ? GB18030 : INVALID;
    }

    /** Whether bytes {@code [from, to)} are valid text in {@code charset} (checked for UTF-8 and GBK/GB18030). */
    public static boolean valid(Charset charset, byte[] b, int from, int to) {
        int first = firstNonAscii(b, from, to);
        if (first == to) {
            return true;
        }
        String name = charset.name();
        if (charset.equals(StandardCharsets.UTF_8)) {
            return validUtf8(b, first, to);
        }
        if (name.equals("GBK") || name.equals("GB2312") || name.equals("x-mswin-936")) {
            return gbk(b, first, to) == 2;
        }
        if (name.equals("GB18030")) {
            return gbk(b, first, to) > 0;
        }
        return true; // another charset the user named: taken as it is
    }

    private static int firstNonAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (((long) WORD.get(b, i) & HIGH_BITS) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return to;
    }

    private static boolean validUtf8(byte[] b, int i, int to) {
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : -1;
            if (n < 0 || c > 0xF4) {
                return false;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= to) {
                    return true; // cut at the end of the block
                }
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            int second = b[i + 1] & 0xff;
            if (c == 0xE0 && second < 0xA0 || c == 0xED && second > 0x9F || c == 0xF0 && second < 0x90
                    || c == 0xF4 && second > 0x8F) {
                return false; // overlong, surrogate or beyond U+10FFFF
            }
            i += n + 1;
        }
        return true;
    }

    /** 2 when valid GBK, 4 when valid GB18030 with four-byte sequences, 0 when neither. */
    private static int gbk(byte[] b, int i, int to) {
        int result = 2;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            if (c == 0x80 || c == 0xFF) {
                return 0;
            }
            if (i + 1 >= to) {
                return result;
            }
            int d = b[i + 1] & 0xff;
            if (d >= 0x40 && d <= 0xFE && d != 0x7F) {
                i += 2;
            } else if (d >= 0x30 && d <= 0x39) {
                if (i + 3 < to && ((b[i + 2] & 0xff) < 0x81 || (b[i + 2] & 0xff) > 0xFE
                        || (b[i + 3] & 0xff) < 0x30 || (b[i + 3] & 0xff) > 0x39)) {
                    return 0;
                }
                result = 4;
                i += 4;
            } else {
                return 0;
            }
        }
        return result;
    }
}
