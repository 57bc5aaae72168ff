package org.hqd.io.layout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.hqd.casemix.layout.HeaderMapping;
import org.hqd.io.abstracts.StringFields;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvScanner;
import org.hqd.io.csv.Fields;

/**
 * One piece of an abstract file for one worker: a CSV chunk, or rows already read (a sheet, a DBF table, stays put
 * together from their lines). Its rows are seen as canonical fields; its content can be hashed.
 */
public abstract sealed class RecordBatch {
    /** Moves over the rows of a batch: {@link #next()}, then {@link #fields()} of the current row. */
    public interface Rows {
        boolean next();

        Fields fields();
    }

    private RecordBatch() {
    }

    /** A cursor over the batch's rows (the header excepted), each seen as canonical fields. Call once per worker. */
    public abstract Rows rows();

    /** Adds the batch's content to a digest (the same content gives the same digest, whatever the threads). */
    public abstract void digest(MessageDigest md);

    /** A chunk of a CSV file, read with a scanner; its bytes checked for the file's encoding first. */
    static final class Chunk extends RecordBatch {
        private final CsvChunk chunk;
        private final boolean first;
        private final EncodingCheck check;
        private final HeaderMapping mapping;

        Chunk(CsvChunk chunk, boolean first, EncodingCheck check, HeaderMapping mapping) {
            this.chunk = chunk;
            this.first = first;
            this.check = check;
            this.mapping = mapping;
        }

        @Override
        public Rows rows() {
            check.chunk(chunk);
            CsvScanner s = new CsvScanner(check.charset());
            s.reset(chunk);
            if (first) {
                s.next();
            }
            LayoutFields layout = mapping.layout().isCanonical() ? null : new LayoutFields(mapping);
            Fields view = layout == null ? s : layout.of(s);
            return new Rows() {
                @Override
                public boolean next() {
                    boolean more = s.next();
                    if (layout != null) {
                        layout.of(s); // the scanner moved: a new row
                    }
                    return more;
                }

                @Override
                public Fields fields() {
                    return view;
                }
            };
        }

        @Override
        public void digest(MessageDigest md) {
            md.update(chunk.data(), 0, chunk.length());
        }
    }

    /** Rows already read as text. */
    static final class Records extends RecordBatch {
        private final List<RowSource.Row> rows;
        private final HeaderMapping mapping;

        Records(List<RowSource.Row> rows, HeaderMapping mapping) {
            this.rows = List.copyOf(rows);
            this.mapping = mapping;
        }

        @Override
        public Rows rows() {
            LayoutFields view = mapping.layout().isCanonical() ? null : new LayoutFields(mapping);
            return new Rows() {
                private int at = -1;
                private Fields current;

                @Override
                public boolean next() {
                    if (++at >= rows.size()) {
                        return false;
                    }
                    RowSource.Row r = rows.get(at);
                    StringFields f = new StringFields(r.values(), r.line());
                    current = view == null ? f : view.of(f);
                    return true;
                }

                @Override
                public Fields fields() {
                    return current;
                }
            };
        }

        @Override
        public void digest(MessageDigest md) {
            for (RowSource.Row r : rows) {
                for (String v : r.values()) {
                    md.update((v == null ? "" : v).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0x1F);
                }
                md.update((byte) '\n');
            }
        }
    }
}
