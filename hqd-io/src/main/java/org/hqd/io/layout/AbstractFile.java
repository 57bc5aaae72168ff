package org.hqd.io.layout;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.layout.ColumnNames;
import org.hqd.casemix.layout.HeaderMapping;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.io.abstracts.AbstractHeader;
import org.hqd.io.csv.ChunkPipeline;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;
import org.hqd.io.csv.TextEncoding;
import org.hqd.io.parallel.OrderedParallel;

/**
 * An abstracts file opened for reading, whatever its form: CSV (UTF-8 or GBK, detected from its bytes unless named),
 * the first sheet of an Excel workbook (.xlsx, .xls), or a DBF table; in any layout of a {@link LayoutCatalog},
 * recognised from its header or named. Its rows are handed out in batches to workers, in file order, as canonical
 * fields: a flat CSV file is cut into chunks that the workers decode in parallel; the other forms are read (and a
 * line-form file put together, stay by stay) on the calling thread.
 */
public final class AbstractFile implements Closeable {
    /** The form of the file's bytes. */
    public enum Format { CSV, EXCEL, DBF }

    /**
     * @param charset the encoding the user named; empty: detect it
     * @param layout  the layout the user named; empty: recognise it from the header
     */
    public record Options(Optional<Charset> charset, Optional<String> layout, LayoutCatalog layouts, int chunkBytes) {
        /** Chunks of 1 MiB. */
        public Options(Optional<Charset> charset, Optional<String> layout, LayoutCatalog layouts) {
            this(charset, layout, layouts, 1 << 20);
        }

        /** Detected encoding, recognised layout, the bundled layouts. */
        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), LayoutCatalog.bundled());
        }
    }

    /** Work on one batch of rows. */
    @FunctionalInterface
    public interface Worker<T> {
        T process(RecordBatch batch) throws Exception;
    }

    private static final int ROWS_PER_BATCH = 4096;

    private final String source;
    private final Format format;
    private final EncodingCheck encoding;
    private final List<String> header;
    private final HeaderMapping mapping;
    private final HeaderMapping parsing;
    private final CsvChunkReader reader;
    private final CsvChunk first;
    private final RowSource rows;

    private AbstractFile(String source, Format format, EncodingCheck encoding, List<String> header,
                         HeaderMapping mapping, HeaderMapping parsing, CsvChunkReader reader, CsvChunk first,
                         RowSource rows) {
        this.source = source;
        this.format = format;
        this.encoding = encoding;
        this.header = List.copyOf(header);
        this.mapping = mapping;
        this.parsing = parsing;
        this.reader = reader;
        this.first = first;
        this.rows = rows;
    }

    /**
     * Opens a file: its form by its name (.xlsx, .xls, .dbf) or its first bytes, its encoding, its header, its
     * layout.
     *
     * @param name the file's name, for its form and for messages
     * @throws HqdException when the file is empty, not in a readable encoding, or in no known layout (naming the
     *                      closest one and what it lacks)
     */
    public static AbstractFile open(InputStream in, String name, Options options) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".dbf")) {
            byte[] bytes = in.readAllBytes();
            boolean dbf = lower.endsWith(".dbf");
            RowSource r = dbf ? new DbfRows(bytes, options.charset().orElse(null), name) : new SheetRows(bytes, name);
            return ofRows(r, dbf ? Format.DBF : Format.EXCEL, name, options);
        }
        CsvChunkReader reader = new CsvChunkReader(in, options.chunkBytes(), name);
        CsvChunk first = reader.next().orElseThrow(() -> new HqdException(name + "：文件为空，没有表头"));
        if (excelSignature(first)) {
            byte[] rest = in.readAllBytes();
            byte[] all = java.util.Arrays.copyOf(first.data(), first.length() + rest.length);
            System.arraycopy(rest, 0, all, first.length(), rest.length);
            return ofRows(new SheetRows(all, name), Format.EXCEL, name, options);
        }
        // a header the record grammar cannot read (control characters, a stray quote) is named as such before any
        // question of encoding: the same refusal as every other reader of table files gives
        CsvScanner.header(Optional.of(first), java.nio.charset.StandardCharsets.ISO_8859_1, name);
        EncodingCheck enc = encoding(first, options, name);
        List<String> header = CsvScanner.header(Optional.of(first), enc.charset(), name);
        HeaderMapping m = mapping(header, name, options);
        if (m.layout().isLineForm()) {
            LineAssembler lines = new LineAssembler(new CsvRows(first, reader, enc.charset(), enc),
                    m.layout().lines().orElseThrow());
            return new AbstractFile(name, Format.CSV, enc, header, m, flattened(m, lines), null, null, lines);
        }
        return new AbstractFile(name, Format.CSV, enc, header, m, m, reader, first, null);
    }

    private static AbstractFile ofRows(RowSource r, Format format, String name, Options options) {
        HeaderMapping m = mapping(r.header(), name, options);
        RowSource rows = r;
        HeaderMapping parsing = m;
        if (m.layout().isLineForm()) {
            LineAssembler lines = new LineAssembler(r, m.layout().lines().orElseThrow());
            rows = lines;
            parsing = flattened(m, lines);
        }
        return new AbstractFile(name, format, null, r.header(), m, parsing, null, null, rows);
    }

    private static HeaderMapping flattened(HeaderMapping m, LineAssembler lines) {
        return HeaderMapping.of(m.layout().flattened(LineAssembler.MAX_LINES), lines.header());
    }

    private static boolean excelSignature(CsvChunk c) {
        byte[] b = c.data();
        return c.length() > 8 && (b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4
                || (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11 && (b[3] & 0xff) == 0xE0);
    }

    /** The encoding to read a CSV file with: the one named (checked on the first chunk) or the one detected. */
    private static EncodingCheck encoding(CsvChunk first, Options options, String name) {
        if (options.charset().isPresent()) {
            EncodingCheck named = new EncodingCheck(options.charset().get(), false, name);
            named.chunk(first);
            return named;
        }
        TextEncoding e = TextEncoding.of(first.data(), 0, first.length());
        Charset cs = e.charset().orElseThrow(() -> HqdException.withHint(name + "：文件既不是 UTF-8 也不是 GBK 编码的文本",
                "：请用 --encoding 指明它的编码"));
        return new EncodingCheck(cs, true, name);
    }

    /** The layout named, or the one recognised from the header. */
    private static HeaderMapping mapping(List<String> header, String name, Options options) {
        if (options.layout().isPresent()) {
            return HeaderMapping.of(options.layouts().named(options.layout().get()), header);
        }
        Optional<HeaderMapping> m = options.layouts().recognise(header);
        if (m.isPresent()) {
            return m.get();
        }
        HeaderMapping closest = options.layouts().closest(header);
        if (closest.layout().isCanonical()) {
            return closest; // its missing columns are named when the header is checked for what the reader needs
        }
        throw unrecognised(header, name, closest);
    }

    private static UnknownLayoutException unrecognised(List<String> header, String name, HeaderMapping closest) {
        Layout l = closest.layout();
        Set<String> names = new java.util.HashSet<>();
        header.forEach(h -> names.add(ColumnNames.normalise(h)));
        List<String> missing = l.recognise().stream().filter(r -> !names.contains(ColumnNames.normalise(r))).toList();
        return new UnknownLayoutException(name + "：无法识别文件格式（表头不是任何已知格式）。最接近的是 " + l.name() + "（"
                + l.title() + "），缺少列 " + String.join("、", missing) + "；hqd layouts 列出已知格式，"
                + "hqd layouts check 查看文件各列，--layout 可指定格式", closest);
    }

    public String source() {
        return source;
    }

    public Format format() {
        return format;
    }

    /** The file's own header. */
    public List<String> header() {
        return header;
    }

    /** The layout laid over the file's header (for a line form: its stay columns and line columns). */
    public HeaderMapping mapping() {
        return mapping;
    }

    public Layout layout() {
        return mapping.layout();
    }

    /** The encoding a CSV file is read in. */
    public Optional<Charset> charset() {
        return Optional.ofNullable(encoding).map(EncodingCheck::charset);
    }

    /** "hqms-chinese（住院病案首页（中文列名）），CSV GBK（自动识别）": what the file was read as. */
    public String describe() {
        String form = switch (format) {
            case CSV -> "CSV " + encoding.charset().name() + (encoding.detected() ? "（自动识别）" : "");
            case EXCEL -> "Excel 第一个工作表";
            case DBF -> "DBF";
        };
        return layout().name() + "（" + layout().title() + "），" + form;
    }

    /**
     * The header rows are parsed against, checked to give the required canonical columns.
     *
     * @throws HqdException naming missing or repeated columns
     */
    public AbstractHeader header(Set<AbstractColumn> required) {
        if (layout().isCanonical()) {
            return AbstractHeader.of(parsing.header(), required, source);
        }
        AbstractHeader.check(mapping, required, source);
        return AbstractHeader.virtual(parsing);
    }

    /** Hands every batch of rows to {@code worker} on {@code threads} threads (0: one per processor), in order. */
    public <T> void run(int threads, Worker<T> worker, OrderedParallel.Sink<T> sink) throws IOException {
        if (rows == null) {
            new ChunkPipeline<T>(threads).run(first, reader,
                    (chunk, isFirst) -> worker.process(new RecordBatch.Chunk(chunk, isFirst, encoding, parsing)), sink);
            return;
        }
        OrderedParallel.run(threads, "hqd-rows", () -> {
            List<RowSource.Row> batch = new ArrayList<>(ROWS_PER_BATCH);
            for (Optional<RowSource.Row> r = rows.next(); r.isPresent(); r = batch.size() < ROWS_PER_BATCH
                    ? rows.next() : Optional.empty()) {
                batch.add(r.get());
            }
            if (batch.isEmpty()) {
                return Optional.empty();
            }
            RecordBatch b = new RecordBatch.Records(batch, parsing);
            return Optional.of((Callable<T>) () -> worker.process(b));
        }, sink);
    }

    @Override
    public void close() throws IOException {
        if (rows != null) {
            rows.close();
        }
    }
}
