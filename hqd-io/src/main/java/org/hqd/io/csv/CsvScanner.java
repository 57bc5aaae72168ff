package org.hqd.io.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the records of one {@link CsvChunk}. Field text is decoded only when asked for. Not thread-safe: one per
 * thread.
 *
 * <p>The grammar (RFC 4180, strict about quotes so that one stray quote costs one line, never the rest of a file):
 * fields are separated by commas and records end at LF or CRLF. A field that starts with a double quote is quoted:
 * it ends at the next quote not doubled ({@code ""} inside is a quote), and may hold commas and line breaks; a
 * comma or a line end must follow its closing quote. A quote anywhere else is a {@link RecordProblem#STRAY_QUOTE}.
 * A quoted field that holds line breaks is accepted only when its record comes out whole — no problem, as many
 * fields as the header ({@link CsvChunk#width()}), at most {@link #MAX_LINES_IN_FIELD} line breaks, and fewer commas
 * inside than a whole record has (width − 1; so two stray quotes in the same column of different lines cannot
 * swallow the lines between them as one record); otherwise the quote is taken as a stray one: the record is only its first line, reported as
 * {@link RecordProblem#UNBALANCED_QUOTE}, and reading goes on at the next line. {@link CsvChunkReader} cuts
 * chunks by the same grammar (it calls {@link #delimit}), so every record is read exactly once, whatever the chunk
 * size. Blank lines and rows of only blank fields are skipped; every other record is reported, well formed or not.
 */
public final class CsvScanner implements Fields {
    /** The most line breaks one quoted field may hold (a longer one is taken for a stray quote). */
    public static final int MAX_LINES_IN_FIELD = 100;
    /** Bytes that need a look in an unquoted field: comma, quote, line feed, carriage return, other controls. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (int b = 0; b < 0x20; b++) {
            SPECIAL[b] = b != '\t';
        }
        SPECIAL[','] = true;
        SPECIAL['"'] = true;
    }

    private final Charset charset;
    private byte[] buf = new byte[0];
    private int pos;
    private int end;
    private long line;
    private long recordLine;
    private int width;
    private boolean inputEnd;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private int count;
    private int breaks;
    /** Commas inside the quoted fields of the current record that hold line breaks. */
    private int commasAcrossLines;
    private RecordProblem problem = RecordProblem.NONE;
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
        this.width = chunk.width();
        this.inputEnd = chunk.last();
    }

    /**
     * Moves to the next record that has some content or a problem; false at the end of the chunk. Blank lines and
     * rows whose fields are all blank (such as the trailing {@code ,,,,} rows of spreadsheet exports) are skipped.
     */
    public boolean next() {
        while (pos < end) {
            readRecord(true);
            if (hasContent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the current record is worth reporting: it has a problem or a field that is not blank. */
    boolean hasContent() {
        if (problem != RecordProblem.NONE) {
            return true;
        }
        for (int i = 0; i < count; i++) {
            if (!isBlank(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For {@link CsvChunkReader}: delimits the record that starts at {@code from} in {@code data[from, limit)} by
     * the grammar above, leaving it as the current record.
     *
     * @param eof   whether {@code limit} is the end of the input
     * @param width the header's number of fields (0 when unknown)
     * @return the index just after the record, or -1 when the bytes end before the record does and {@code eof} is
     *         false
     */
    int delimit(byte[] data, int from, int limit, boolean eof, int width) {
        this.buf = data;
        this.pos = from;
        this.end = limit;
        this.line = 1;
        this.width = width;
        this.inputEnd = eof;
        return readRecord(eof) ? pos : -1;
    }

    /** Reads the record at {@code pos}; false (only when not {@code eof}) when the bytes end before it does. */
    private boolean readRecord(boolean eof) {
        int start = pos;
        long startLine = line;
        if (!scanRecord(eof)) {
            pos = start;
            line = startLine;
            return false;
        }
        if (breaks > 0 && (problem != RecordProblem.NONE || (width > 0 && count != width)
                || (width >= 3 && commasAcrossLines >= width - 1))) {
            firstLineOnly(start, startLine);
        }
        return true;
    }

    /**
     * Re-reads the record at {@code start} as its first line only: a quote opened there did not make a whole
     * record. Reading goes on at the next line; when there is none, the quote was simply never closed.
     */
    private void firstLineOnly(int start, long startLine) {
        int nl = start;
        while (buf[nl] != '\n') {
            nl++;
        }
        int limit = end;
        end = nl;
        pos = start;
        line = startLine;
        scanRecord(true);
        end = limit;
        pos = nl + 1;
        line = startLine + 1;
        breaks = 0;
        problem = inputEnd && pos >= end ? RecordProblem.UNTERMINATED_QUOTE : RecordProblem.UNBALANCED_QUOTE;
    }

    /** Splits the record at {@code pos} into fields; false when the bytes end first and not at {@code eof}. */
    private boolean scanRecord(boolean eof) {
        count = 0;
        breaks = 0;
        commasAcrossLines = 0;
        problem = RecordProblem.NONE;
        recordLine = line;
        while (true) {
            int fieldStart = pos;
            boolean q = pos < end && buf[pos] == '"';
            if (q) {
                if (!quotedPart(eof)) {
                    return false;
                }
                if (breaks > MAX_LINES_IN_FIELD) {
                    return true; // settled: readRecord keeps only the first line
                }
            }
            while (pos < end) {
                byte b = buf[pos];
                if (!SPECIAL[b & 0xff]) {
                    pos++;
                } else if (b == ',' || b == '\n') {
                    break;
                } else if (b == '\r') {
                    if (pos + 1 == end && !eof) {
                        return false;
                    }
                    if (pos + 1 < end && buf[pos + 1] != '\n') {
                        note(RecordProblem.BARE_CR);
                    }
                    pos++;
                } else {
                    note(b == '"' ? RecordProblem.STRAY_QUOTE : RecordProblem.CONTROL_CHARACTER);
                    pos++;
                }
            }
            if (pos >= end) {
                if (!eof) {
                    return false;
                }
                addField(fieldStart, trimCr(fieldStart, end), q);
                return true;
            }
            if (buf[pos] == ',') {
                addField(fieldStart, pos, q);
                pos++;
                continue;
            }
            addField(fieldStart, trimCr(fieldStart, pos), q);
            pos++;
            line++;
            return true;
        }
    }

    /**
     * Reads a quoted field's quoted part from its opening quote at {@code pos} to just after its closing quote (or the
     * end of the bytes, when it never closes); false when the bytes end first and not at {@code eof}.
     */
    private boolean quotedPart(boolean eof) {
        pos++;
        int breaksBefore = breaks;
        int commas = 0;
        while (pos < end) {
            byte b = buf[pos];
            if (b == ',') {
                commas++;
            } else if (b == '"') {
                if (pos + 1 == end && !eof) {
                    return false;
                }
                if (pos + 1 < end && buf[pos + 1] == '"') {
                    pos += 2;
                    continue;
                }
                pos++;
                if (pos < end && buf[pos] != ',' && buf[pos] != '\n' && buf[pos] != '\r') {
                    note(RecordProblem.TEXT_AFTER_QUOTE);
                }
                commasAcrossLines += breaks > breaksBefore ? commas : 0;
                return true;
            } else if (b == '\n') {
                line++;
                if (++breaks > MAX_LINES_IN_FIELD) {
                    problem = RecordProblem.UNBALANCED_QUOTE;
                    return true;
                }
            } else if (b >= 0 && b < 0x20 && b != '\t' && b != '\r') {
                note(RecordProblem.CONTROL_CHARACTER);
            }
            pos++;
        }
        if (!eof) {
            return false;
        }
        note(RecordProblem.UNTERMINATED_QUOTE);
        commasAcrossLines += breaks > breaksBefore ? commas : 0;
        return true;
    }

    private void note(RecordProblem p) {
        if (problem == RecordProblem.NONE) {
            problem = p;
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

    @Override
    public RecordProblem problem() {
        return problem;
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
     * @throws org.hqd.HqdException naming {@code source} when the file has no record at all, or when its header
     *                              cannot be read as fields (then no column can be known and the whole file is refused)
     */
    public static java.util.List<String> header(java.util.Optional<CsvChunk> first, Charset charset, String source) {
        CsvScanner s = new CsvScanner(charset);
        if (first.isPresent()) {
            s.reset(first.get());
            if (s.next()) {
                java.util.List<String> names = s.fields();
                String problem = s.problem() != RecordProblem.NONE ? s.problem().message()
                        : names.stream().anyMatch(n -> n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0)
                        ? "有跨行的列名（引号不成对？）" : "";
                if (!problem.isEmpty()) {
                    throw new org.hqd.HqdException(source + "：表头（第 " + s.line() + " 行）" + problem
                            + "；无法确定各列，整个文件未读取");
                }
                return names;
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
