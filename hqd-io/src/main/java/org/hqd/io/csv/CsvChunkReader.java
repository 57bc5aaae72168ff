package org.hqd.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.hqd.HqdException;

/**
 * Cuts a CSV byte stream into {@link CsvChunk}s of about a target size that begin and end on record boundaries, so
 * that chunks can be parsed in parallel. Records are delimited by the grammar of {@link CsvScanner}: a record ends at
 * a line feed that is not inside a quoted field, and a quoted field that runs over line ends is delimited by the
 * scanner itself ({@link CsvScanner#delimit}) — so a stray quote costs one line, never the rest of the file, and
 * the records are the same whatever the chunk size. Works for UTF-8 and for GBK/GB18030, whose multi-byte
 * characters never contain the bytes of {@code , " \r \n}. A UTF-8 byte-order mark is dropped. Not thread-safe: one
 * reader thread owns it.
 */
public final class CsvChunkReader {
    /** The longest record read; a longer one (no line end in 64 MiB) means the file is not line-based CSV. */
    static final int MAX_RECORD_BYTES = 64 << 20;
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final String source;
    private final CsvScanner delimiter = new CsvScanner(StandardCharsets.ISO_8859_1);
    private byte[] buf;
    private int len;
    private long nextLine = 1;
    private long sequence;
    private boolean eof;
    private boolean first = true;
    private int width = -1;
    /** Set by {@link #scan}: the index just after the last whole record in the buffer, and the line feeds before it. */
    private int cut;
    private int linesBeforeCut;

    /** @param source the input's name, for the message when it cannot be cut into records */
    public CsvChunkReader(InputStream in, int targetBytes, String source) {
        this.in = in;
        this.source = source;
        this.buf = new byte[Math.max(1024, targetBytes)];
    }

    public CsvChunkReader(InputStream in, int targetBytes) {
        this(in, targetBytes, "输入文件");
    }

    /**
     * The next chunk, or empty at the end of the stream. The last chunk may end without a newline.
     *
     * @throws HqdException when a record is longer than 64 MiB (the input has no line ends: not a CSV file)
     */
    public Optional<CsvChunk> next() throws IOException {
        while (true) {
            fill();
            if (len == 0) {
                return Optional.empty();
            }
            if (width < 0 && !headerWidth()) {
                grow();
                continue;
            }
            if (eof) {
                cut = len;
                linesBeforeCut = countNewlines(0, len);
            } else {
                scan();
            }
            if (cut <= 0) {
                grow(); // one record longer than the buffer
                continue;
            }
            byte[] data = Arrays.copyOf(buf, cut);
            System.arraycopy(buf, cut, buf, 0, len - cut);
            len -= cut;
            CsvChunk c = new CsvChunk(data, cut, nextLine, sequence++, width, eof && len == 0);
            nextLine += linesBeforeCut;
            return Optional.of(c);
        }
    }

    private void grow() {
        if (buf.length >= MAX_RECORD_BYTES) {
            throw new HqdException(source + "：从第 " + nextLine + " 行起超过 64 MiB 没有一个完整的行（没有换行符，"
                    + "或引号不成对）：这不是逐行的 CSV 文件，整个文件未读取");
        }
        buf = Arrays.copyOf(buf, buf.length * 2);
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

    /**
     * Finds the header's number of fields (the first record with content); false when the buffer ends before it.
     * Multi-line records are kept or split by it, so it is known before the first cut.
     */
    private boolean headerWidth() {
        int at = 0;
        while (at < len) {
            int e = delimiter.delimit(buf, at, len, eof, 0);
            if (e < 0) {
                return false;
            }
            if (delimiter.hasContent()) {
                width = delimiter.fieldCount();
                return true;
            }
            at = e;
        }
        if (!eof) {
            return false;
        }
        width = 0;
        return true;
    }

    private int countNewlines(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * One pass over the buffer, eight bytes at a time: most words of a CSV hold neither a quote nor a line feed and
     * are passed over with a few arithmetic operations. A line feed outside quotes ends a record; a quote that opens
     * a field is followed to its closing quote, and when a line feed (or the end of the buffer) comes first, the
     * record is delimited by the scanner. Sets {@link #cut} and {@link #linesBeforeCut}.
     */
    private void scan() {
        byte[] b = buf;
        int n = len;
        int recordStart = 0;
        int lines = 0;
        int end = 0;
        int linesAtEnd = 0;
        int i = 0;
        words:
        while (i < n) {
            if (i + 8 <= n) {
                long w = (long) WORD.get(b, i);
                if (!holds(w, QUOTES) && !holds(w, NEWLINES)) {
                    i += 8;
                    continue;
                }
            }
            for (int stop = Math.min(i + 8, n); i < stop; i++) {
                byte c = b[i];
                if (c == '\n') {
                    lines++;
                    recordStart = i + 1;
                    end = recordStart;
                    linesAtEnd = lines;
                } else if (c == '"' && (i == recordStart || b[i - 1] == ',')) {
                    int closed = afterClosingQuote(i + 1);
                    if (closed < 0) {
                        closed = delimiter.delimit(b, recordStart, n, false, width);
                        if (closed < 0) {
                            break words; // the record runs past the buffer: cut before it
                        }
                        lines += countNewlines(recordStart, closed);
                        recordStart = closed;
                        end = closed;
                        linesAtEnd = lines;
                    }
                    i = closed;
                    continue words;
                }
            }
        }
        cut = end;
        linesBeforeCut = linesAtEnd;
    }

    /**
     * The index after the quote that closes a quoted field whose text starts at {@code from}; -1 when a line feed
     * or the end of the buffer comes first (or the last byte is a quote that may be the first of a doubled one).
     */
    private int afterClosingQuote(int from) {
        for (int k = from; k < len; k++) {
            byte b = buf[k];
            if (b == '"') {
                if (k + 1 == len) {
                    return -1;
                }
                if (buf[k + 1] != '"') {
                    return k + 1;
                }
                k++;
            } else if (b == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** Whether any byte of {@code w} equals the byte repeated in {@code pattern}. */
    private static boolean holds(long w, long pattern) {
        long x = w ^ pattern;
        return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
    }
}
