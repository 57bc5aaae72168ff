package org.hqd.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hqd.io.abstracts.AbstractHeader;
import org.hqd.io.abstracts.AbstractRowParser;
import org.hqd.io.abstracts.ParsedAbstract;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;

/** Reads generated files back with HQD's own CSV reader and abstract parser, as the importer would. */
final class CsvFiles {
    private CsvFiles() {
    }

    /** The header of a CSV file. */
    static List<String> header(Path file) throws IOException {
        return records(file).get(0);
    }

    /** Every record of a CSV file, header first. */
    static List<List<String>> records(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CsvChunkReader reader = new CsvChunkReader(in, 1 << 20);
            CsvScanner s = CsvScanner.utf8();
            for (CsvChunk c = reader.next().orElse(null); c != null; c = reader.next().orElse(null)) {
                s.reset(c);
                while (s.next()) {
                    List<String> f = new ArrayList<>(s.fieldCount());
                    for (int i = 0; i < s.fieldCount(); i++) {
                        f.add(s.field(i));
                    }
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Every data row of a CSV file as column → value. */
    static List<Map<String, String>> rows(Path file) throws IOException {
        List<List<String>> all = records(file);
        List<Map<String, String>> out = new ArrayList<>(all.size());
        for (List<String> r : all.subList(1, all.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < r.size(); i++) {
                m.put(all.get(0).get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    /** Every row of an abstracts file, parsed as {@code hqd} parses imports. */
    static List<ParsedAbstract> abstracts(Path file) throws IOException {
        List<ParsedAbstract> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CsvChunkReader reader = new CsvChunkReader(in, 1 << 20);
            CsvScanner s = CsvScanner.utf8();
            AbstractRowParser parser = null;
            for (CsvChunk c = reader.next().orElse(null); c != null; c = reader.next().orElse(null)) {
                s.reset(c);
                while (s.next()) {
                    if (parser == null) {
                        List<String> names = new ArrayList<>();
                        for (int i = 0; i < s.fieldCount(); i++) {
                            names.add(s.field(i));
                        }
                        parser = new AbstractRowParser(AbstractHeader.of(names, Set.of(), file.toString()));
                    } else {
                        out.add(parser.parse(s));
                    }
                }
            }
        }
        return out;
    }
}
