package org.hqd.io.layout;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The rows of a table file read one after another: its header, then each row's fields as text. */
interface RowSource extends Closeable {
    /** A row: its line (or sheet row) in the file, 1 = the header, and its fields in header order. */
    record Row(long line, String[] values) { }

    List<String> header();

    /** The next row with some content, or empty at the end. */
    Optional<Row> next() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
