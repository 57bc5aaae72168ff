package org.hqd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;

/** Tables read back from a results file for the demo: cases per MDC and the most frequent DRGs. */
final class ResultTables {
    private final PrintWriter out;

    ResultTables(PrintWriter out) {
        this.out = out;
    }

    void print(Path results) throws IOException {
        Map<String, Integer> byMdc = new TreeMap<>();
        Map<String, Integer> byDrg = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Set<String> drgs = new HashSet<>();
        try (InputStream in = Files.newInputStream(results)) {
            CsvChunkReader reader = new CsvChunkReader(in, 1 << 20);
            CsvScanner s = CsvScanner.utf8();
            boolean header = true;
            for (CsvChunk c = reader.next().orElse(null); c != null; c = reader.next().orElse(null)) {
                s.reset(c);
                while (s.next()) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    if ("GROUPED".equals(s.field(1))) {
                        byMdc.merge(s.field(2), 1, Integer::sum);
                        byDrg.merge(s.field(4), 1, Integer::sum);
                        names.put(s.field(4), s.field(5));
                        drgs.add(s.field(4));
                    }
                }
            }
        }
        out.println("入组病例覆盖 " + byMdc.size() + " 个 MDC、" + drgs.size() + " 个 DRG。病例数最多的 10 个 DRG：");
        out.println("  " + TextColumns.left("DRG", 7) + TextColumns.right("病例数", 6) + "  名称");
        byDrg.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .forEach(e -> out.println("  " + TextColumns.left(e.getKey(), 7)
                        + TextColumns.right(String.valueOf(e.getValue()), 6) + "  " + names.get(e.getKey())));
    }
}
