package org.hqd.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.TsvRows;

/**
 * The bundled table {@code common-adrgs.tsv}: the ADRGs that lead a province's discharges, each with its share of
 * all discharges in percent. Data, read once.
 */
final class CommonAdrgs {
    private static final Map<String, Double> TABLE = read();

    private CommonAdrgs() {
    }

    /** The share in percent of every listed ADRG, in file order. */
    static Map<String, Double> percents() {
        return TABLE;
    }

    private static Map<String, Double> read() {
        Map<String, Double> table = new LinkedHashMap<>();
        for (TsvRows.Row r : BundledTable.rows("common-adrgs.tsv", List.of("adrg", "percent"))) {
            table.put(r.get("adrg"), Double.parseDouble(r.get("percent")));
        }
        return java.util.Collections.unmodifiableMap(table);
    }
}
