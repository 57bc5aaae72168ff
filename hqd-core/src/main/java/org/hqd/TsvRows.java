package org.hqd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.HqdException;

/**
 * A tab-separated table with a header line: lines starting with {@code #} before the header are {@code key: value}
 * properties of the whole file; blank lines are skipped. Every problem names the source and line.
 */
public final class TsvRows {
    /** One data row: its cells by column name and its line number. */
    public record Row(Map<String, String> cells, int line, String source) {
        /** A required, non-blank cell. */
        public String get(String column) {
            String v = cells.getOrDefault(column, "").strip();
            if (v.isEmpty()) {
                throw error(column + " 不能为空");
            }
            return v;
        }

        /** A cell that may be blank. */
        public String optional(String column) {
            return cells.getOrDefault(column, "").strip();
        }

        public HqdException error(String what) {
            return new HqdException(source + " 第 " + line + " 行：" + what);
        }
    }

    private final Map<String, String> properties;
    private final List<Row> rows;

    private TsvRows(Map<String, String> properties, List<Row> rows) {
        this.properties = properties;
        this.rows = rows;
    }

    public static TsvRows parse(String text, String source, List<String> required) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        List<String> header = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (header == null && line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    properties.put(line.substring(1, colon).strip(), line.substring(colon + 1).strip());
                }
                continue;
            }
            if (header == null) {
                header = List.of(line.split("\t", -1)).stream().map(String::strip).toList();
                for (String r : required) {
                    if (!header.contains(r)) {
                        throw new HqdException(source + " 第 " + (i + 1) + " 行（表头）缺少列 " + r + "；应有："
                                + String.join("、", required));
                    }
                }
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length > header.size()) {
                throw new HqdException(source + " 第 " + (i + 1) + " 行有 " + f.length + " 列，表头只有 " + header.size() + " 列");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < f.length; c++) {
                cells.put(header.get(c), f[c]);
            }
            rows.add(new Row(cells, i + 1, source));
        }
        if (header == null) {
            throw new HqdException(source + " 是空文件：应有表头 " + String.join("\t", required));
        }
        return new TsvRows(properties, rows);
    }

    public Map<String, String> properties() {
        return properties;
    }

    public List<Row> rows() {
        return rows;
    }
}
