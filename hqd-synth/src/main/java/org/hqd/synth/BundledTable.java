package org.hqd.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hqd.TsvRows;

/** A TSV table bundled with the generator (comment lines, a header, then rows), read as the core reads its tables. */
final class BundledTable {
    private BundledTable() {
    }

    /** The rows of a table next to this class, in file order; the header must name {@code columns}. */
    static List<TsvRows.Row> rows(String resource, List<String> columns) {
        try (InputStream in = BundledTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(resource + " is not bundled"));
            }
            return TsvRows.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, columns).rows();
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }
}
