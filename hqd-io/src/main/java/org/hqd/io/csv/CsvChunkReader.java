package org.hqd.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a CSV byte stream into {@link CsvChunk}s of about a target size that begin and end on record boundaries
 * (a newline outside quotes), so that chunks can be parsed in parallel. Works for UTF-8 and for GBK/GB18030,
 * whose multi-byte characters never contain the bytes of {@code , " \n}. A UTF-8 byte-order mark is dropped.
 * Not thread-safe: one reader thread owns it.
 */
public final class CsvChunkReader {
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
            int cut = eof ? len : lastRecordEnd(buf, 0, len);
            if (cut <= 0) {
                buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
                continue;
            }
            byte[] data = Arrays.copyOf(buf, cut);
            System.arraycopy(buf, cut, buf, 0, len - cut);
            len -= cut;
            return Optional.of(chunk(data, cut));
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

    private CsvChunk chunk(byte[] data, int length) {
        CsvChunk c = new CsvChunk(data, length, nextLine, sequence++);
        for (int i = 0; i < length; i++) {
            if (data[i] == '\n') {
                nextLine++;
            }
        }
        return c;
    }

    /** Index just after the last newline outside quotes in [from, len), or -1. */
    static int lastRecordEnd(byte[] buf, int from, int len) {
        boolean quoted = false;
        int end = -1;
        for (int i = from; i < len; i++) {
            byte b = buf[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                end = i + 1;
            }
        }
        return end;
    }
}
