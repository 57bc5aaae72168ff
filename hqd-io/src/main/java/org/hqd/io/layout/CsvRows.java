package org.hqd.io.layout;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;

/** The rows of a CSV file decoded one after another (for the line form, which is put together in order). */
final class CsvRows implements RowSource {
    private final CsvChunkReader reader;
    private final CsvScanner scanner;
    private final List<String> header;
    private final EncodingCheck check;
    private boolean open;

    CsvRows(CsvChunk first, CsvChunkReader reader, Charset charset, EncodingCheck check) {
        this.reader = reader;
        this.scanner = new CsvScanner(charset);
        this.check = check;
        check.chunk(first);
        scanner.reset(first);
        scanner.next();
        this.header = scanner.fields();
        this.open = true;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Optional<Row> next() throws IOException {
        while (open) {
            if (scanner.next()) {
                String[] v = new String[scanner.fieldCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = scanner.field(i);
                }
                return Optional.of(new Row(scanner.line(), v));
            }
            Optional<CsvChunk> c = reader.next();
            if (c.isEmpty()) {
                open = false;
            } else {
                check.chunk(c.get());
                scanner.reset(c.get());
            }
        }
        return Optional.empty();
    }
}
