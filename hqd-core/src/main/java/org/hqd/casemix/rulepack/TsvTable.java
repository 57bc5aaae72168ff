package org.hqd.casemix.rulepack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the two-column UTF-8 TSV files of rule packs and dictionaries (a header line, then key TAB value). */
final class TsvTable {
    private TsvTable() {
    }

    /** Key → value of the first two columns; the first row of a repeated key wins. */
    static Map<String, String> read(InputStream in, String file) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> rows = new LinkedHashMap<>();
        int pos = text.indexOf('\n') + 1; // skip header
        if (pos == 0) {
            return rows;
        }
        int line = 1;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            line++;
            int stop = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (stop > pos) {
                int tab = text.indexOf('\t', pos);
                if (tab < 0 || tab >= stop) {
                    throw new RulePackException(file + " 第 " + line + " 行：缺少制表符分隔的第二列");
                }
                int tab2 = text.indexOf('\t', tab + 1);
                int valueEnd = tab2 >= 0 && tab2 < stop ? tab2 : stop;
                rows.putIfAbsent(text.substring(pos, tab).trim(), text.substring(tab + 1, valueEnd).trim());
            }
            pos = end + 1;
        }
        return rows;
    }
}
