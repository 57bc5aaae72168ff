package org.hqd.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a CSV byte stream into {@link CsvChunk}s of about a target size that begin and end on record boundaries
 * (a newline outside quotes), so that chunks can be parsed in parallel. Works for UTF-8 and for GBK/GB18030,
 * whose multi-byte characters never contain the bytes of {@code , " \n}. A UTF-8 byte-order mark is dropped.
 * Not thread-safe: one reader thread owns it.
 */
public final class CsvChunkReader {
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private byte[] buf;
    private int len;
    private long nextLine = 1;
    private long sequence;
    private boolean eof;
    private boolean first = true;

    public CsvChunkReader(InputStream in, int targetBytes) {
        this.in = in;
        this.buf = new byte[Math.max(1024, targetBytes)];
    }

    /** The next chunk, or empty at the end of the stream. The last chunk may end without a newline. */
    public Optional<CsvChunk> next() throws IOException {
        while (true) {
            fill();
            if (len == 0) {
                return Optional.empty();
            }
            long scanned = scan(buf, len);
            int cut = eof ? len : (int) (scanned >>> 32);
            if (cut <= 0) {
                buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
                continue;
            }
            byte[] data = Arrays.copyOf(buf, cut);
            System.arraycopy(buf, cut, buf, 0, len - cut);
            len -= cut;
            CsvChunk c = new CsvChunk(data, cut, nextLine, sequence++);
            nextLine += eof ? countNewlines(data, cut) : (int) scanned;
            return Optional.of(c);
        }
    }

    private void fill() throws IOException {
        while (!eof && len < buf.length) {
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) {
                eof = true;
            } else {
                len += r;
            }
        }
        if (first && len >= 3) {
            first = false;
            if ((buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                System.arraycopy(buf, 3, buf, 0, len - 3);
                len -= 3;
            }
        }
    }

    private static int countNewlines(byte[] data, int length) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (data[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * One pass over {@code [0, len)}: the index just after the last newline outside quotes (-1 when there is none)
     * in the high half, the number of newlines before it in the low half. Eight bytes at a time: most words of a
     * CSV hold neither a quote nor a newline and are passed over with a few arithmetic operations.
     */
    private static long scan(byte[] buf, int len) {
        boolean quoted = false;
        int end = -1;
        int newlines = 0;
        int linesAtEnd = 0;
        for (int i = 0; i < len; i += 8) {
            if (i + 8 <= len) {
                long w = (long) WORD.get(buf, i);
                if (!holds(w, QUOTES) && !holds(w, NEWLINES)) {
                    continue;
                }
            }
            for (int k = i, stop = Math.min(i + 8, len); k < stop; k++) {
                byte b = buf[k];
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n') {
                    newlines++;
                    if (!quoted) {
                        end = k + 1;
                        linesAtEnd = newlines;
                    }
                }
            }
        }
        return ((long) end << 32) | (linesAtEnd & 0xffffffffL);
    }

    /** Whether any byte of {@code w} equals the byte repeated in {@code pattern}. */
    private static boolean holds(long w, long pattern) {
        long x = w ^ pattern;
        return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
    }

}
