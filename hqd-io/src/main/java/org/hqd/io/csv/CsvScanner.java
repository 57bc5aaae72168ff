package org.hqd.io.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the records of one {@link CsvChunk} (RFC 4180: comma-separated, fields optionally in double quotes,
 * {@code ""} inside quotes for a quote, quoted fields may hold commas and line breaks; LF or CRLF line ends).
 * Blank lines are skipped. Field text is decoded only when asked for. Not thread-safe: one per thread.
 */
public final class CsvScanner implements Fields {
    private final Charset charset;
    private byte[] buf = new byte[0];
    private int pos;
    private int end;
    private long line;
    private long recordLine;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private int count;
    private boolean unterminated;
    private static final int REPEATED_SLOTS = 256;
    private final byte[][] repeatedBytes = new byte[REPEATED_SLOTS][];
    private final String[] repeatedText = new String[REPEATED_SLOTS];

    public CsvScanner(Charset charset) {
        this.charset = charset;
    }

    /** Starts reading a chunk. */
    public void reset(CsvChunk chunk) {
        this.buf = chunk.data();
        this.pos = 0;
        this.end = chunk.length();
        this.line = chunk.firstLine();
    }

    /**
     * Moves to the next record that has some content; false at the end of the chunk. Blank lines and rows whose
     * fields are all blank (such as the trailing {@code ,,,,} rows of spreadsheet exports) are skipped.
     */
    public boolean next() {
        while (pos < end) {
            readRecord();
            for (int i = 0; i < count; i++) {
                if (!isBlank(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void readRecord() {
        count = 0;
        unterminated = false;
        recordLine = line;
        int fieldStart = pos;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        while (true) {
            if (pos >= end) {
                unterminated = inQuotes;
                addField(fieldStart, trimCr(fieldStart, pos), wasQuoted);
                return;
            }
            byte b = buf[pos];
            if (inQuotes) {
                if (b == '"') {
                    if (pos + 1 < end && buf[pos + 1] == '"') {
                        pos += 2;
                        continue;
                    }
                    inQuotes = false;
                } else if (b == '\n') {
                    line++;
                }
                pos++;
            } else if (b == ',') {
                addField(fieldStart, pos, wasQuoted);
                pos++;
                fieldStart = pos;
                wasQuoted = false;
            } else if (b == '\n') {
                addField(fieldStart, trimCr(fieldStart, pos), wasQuoted);
                pos++;
                line++;
                return;
            } else {
                if (b == '"') {
                    inQuotes = true;
                    wasQuoted = true;
                }
                pos++;
            }
        }
    }

    private int trimCr(int from, int to) {
        return to > from && buf[to - 1] == '\r' ? to - 1 : to;
    }

    private void addField(int from, int to, boolean q) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        starts[count] = from;
        ends[count] = to;
        quoted[count] = q;
        count++;
    }

    /** Number of fields of the current record. */
    public int fieldCount() {
        return count;
    }

    /** Physical line number where the current record starts. */
    public long line() {
        return recordLine;
    }

    /** Whether the current record ends inside an open quote (a truncated file). */
    public boolean unterminated() {
        return unterminated;
    }

    /** The text of field i, unquoted; the empty string for a field beyond the record. */
    public String field(int i) {
        if (i < 0 || i >= count) {
            return "";
        }
        int from = starts[i];
        int to = ends[i];
        if (!quoted[i]) {
            return from == to ? "" : buf[from] < 0 ? repeated(from, to) : new String(buf, from, to - from, charset);
        }
        return unquote(from, to);
    }

    /**
     * Text that starts with a non-ASCII byte (department, payer and other names) repeats row after row: it is
     * decoded once and the same string handed out again while it stays in a small direct-mapped cache keyed by
     * its bytes, which also lets later hash lookups of it reuse the string's cached hash.
     */
    private String repeated(int from, int to) {
        int h = to - from;
        for (int k = from; k < to; k++) {
            h = 31 * h + buf[k];
        }
        int slot = (h ^ h >>> 16) & (REPEATED_SLOTS - 1);
        byte[] key = repeatedBytes[slot];
        if (key != null && Arrays.equals(key, 0, key.length, buf, from, to)) {
            return repeatedText[slot];
        }
        String text = new String(buf, from, to - from, charset);
        repeatedBytes[slot] = Arrays.copyOfRange(buf, from, to);
        repeatedText[slot] = text;
        return text;
    }

    /** All fields of the current record, decoded. */
    public java.util.List<String> fields() {
        java.util.List<String> out = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(field(i));
        }
        return out;
    }

    /**
     * The header line of a file: the first record of its first chunk.
     *
     * @throws org.hqd.HqdException naming {@code source} when the file has no record at all
     */
    public static java.util.List<String> header(java.util.Optional<CsvChunk> first, Charset charset, String source) {
        CsvScanner s = new CsvScanner(charset);
        if (first.isPresent()) {
            s.reset(first.get());
            if (s.next()) {
                return s.fields();
            }
        }
        throw new org.hqd.HqdException(source + "：文件为空，没有表头");
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};

    /**
     * Field i read straight from its bytes when it is a plain unquoted decimal such as {@code 1234.56} or
     * {@code -7} (at most 15 digits): exactly the value {@link Double#parseDouble} gives (an integer below 2^53
     * divided by an exact power of ten is correctly rounded). NaN for anything else, which callers then read
     * through the general path.
     */
    public double plainDecimal(int i) {
        if (i < 0 || i >= count || quoted[i]) {
            return Double.NaN;
        }
        int k = starts[i];
        int end = ends[i];
        boolean negative = k < end && buf[k] == '-';
        if (negative) {
            k++;
        }
        long digits = 0;
        int n = 0;
        int scale = -1;
        for (; k < end; k++) {
            byte b = buf[k];
            if (b == '.' && scale < 0) {
                scale = 0;
            } else if (b >= '0' && b <= '9') {
                if (++n > 15) {
                    return Double.NaN;
                }
                digits = digits * 10 + (b - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else {
                return Double.NaN;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double d = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
        return negative ? -d : d;
    }

    /** Whether field i is empty or only blanks, without decoding it. */
    public boolean isBlank(int i) {
        if (i < 0 || i >= count) {
            return true;
        }
        for (int k = starts[i]; k < ends[i]; k++) {
            byte b = buf[k];
            if (b != ' ' && b != '\t' && b != '"') {
                return false;
            }
        }
        return true;
    }

    private String unquote(int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        boolean inQuotes = false;
        for (int k = from; k < to; k++) {
            byte b = buf[k];
            if (b == '"') {
                if (inQuotes && k + 1 < to && buf[k + 1] == '"') {
                    out[n++] = '"';
                    k++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else {
                out[n++] = b;
            }
        }
        return new String(out, 0, n, charset);
    }

    /** The raw bytes of the current record as text, for reports of malformed lines. */
    public String rawRecord(int maxChars) {
        if (count == 0) {
            return "";
        }
        String s = new String(buf, starts[0], Math.max(0, ends[count - 1] - starts[0]), charset);
        return s.length() > maxChars ? s.substring(0, maxChars) + "…" : s;
    }

    /** A scanner for UTF-8. */
    public static CsvScanner utf8() {
        return new CsvScanner(StandardCharsets.UTF_8);
    }
}
