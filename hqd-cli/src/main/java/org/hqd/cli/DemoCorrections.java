package org.hqd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;
import org.hqd.io.grouping.ResultCsv;

/**
 * For the demo: a second abstracts file, as a hospital would send after the first, that resends some rows with
 * mistakes the quality rules catch, one corrected row and one row twice — so the intake summary shows
 * rejections, a replacement and a duplicate.
 */
final class DemoCorrections {
    private DemoCorrections() {
    }

    static Path write(Path abstracts, Path target) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(abstracts)) {
            CsvChunk first = new CsvChunkReader(in, 1 << 16).next().orElseThrow();
            CsvScanner s = CsvScanner.utf8();
            s.reset(first);
            while (rows.size() < 9 && s.next()) {
                rows.add(new ArrayList<>(s.fields()));
            }
        }
        List<String> header = rows.get(0);
        set(rows.get(1), header, "sex", "");                            // REQUIRED_MISSING
        set(rows.get(2), header, "total_cost", "1.00");                 // COST_SUM
        set(rows.get(3), header, "discharge_method", "7");              // DISCHARGE_METHOD_INVALID
        set(rows.get(4), header, "principal_dx", "X99.999x999");        // PRINCIPAL_DX_UNKNOWN
        set(rows.get(5), header, "age_years", "五十");                   // FIELD_FORMAT
        // a corrected row, which replaces the stored one: the attending physician was recorded wrongly (another
        // physician of the same department, so the case keeps its department's costs and standards)
        String physician = rows.get(6).get(header.indexOf("attending_physician"));
        String corrected = physician.replaceFirst("-\\d+$", "-01");
        set(rows.get(6), header, "attending_physician", corrected.equals(physician)
                ? physician.replaceFirst("-\\d+$", "-02") : corrected);
        List<List<String>> out = new ArrayList<>(rows.subList(0, 8));
        out.add(rows.get(7));                                           // DUPLICATE_RECORD (and 1 unchanged)
        StringBuilder text = new StringBuilder();
        for (List<String> r : out) {
            for (int i = 0; i < r.size(); i++) {
                ResultCsv.field(i > 0 ? text.append(',') : text, r.get(i));
            }
            text.append('\n');
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
        return target;
    }

    private static void set(List<String> row, List<String> header, String column, String value) {
        row.set(header.indexOf(column), value);
    }
}
