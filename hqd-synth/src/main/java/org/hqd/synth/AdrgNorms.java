package org.hqd.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.TsvRows;

/**
 * The bundled table {@code adrg-norms.tsv}: for common ADRGs, the range of the typical cost and length of stay of
 * a stay without complication in a city tertiary hospital. Data, read once.
 */
final class AdrgNorms {
    /** One ADRG's ranges (yuan, days). */
    record Range(String adrg, double costLow, double costHigh, double losLow, double losHigh, String name) {
        double cost() {
            return StrictMath.sqrt(costLow * costHigh);
        }

        double los() {
            return StrictMath.sqrt(losLow * losHigh);
        }
    }

    private static final Map<String, Range> TABLE = read();

    private AdrgNorms() {
    }

    /** The range of an ADRG (the first three characters of a DRG code), when the table has it. */
    static Optional<Range> of(String adrg) {
        return Optional.ofNullable(TABLE.get(adrg));
    }

    /** Every row of the table, in file order. */
    static Map<String, Range> all() {
        return TABLE;
    }

    private static Map<String, Range> read() {
        Map<String, Range> table = new LinkedHashMap<>();
        for (TsvRows.Row r : BundledTable.rows("adrg-norms.tsv",
                List.of("adrg", "cost_low", "cost_high", "los_low", "los_high", "name"))) {
            table.put(r.get("adrg"), new Range(r.get("adrg"), Double.parseDouble(r.get("cost_low")),
                    Double.parseDouble(r.get("cost_high")), Double.parseDouble(r.get("los_low")),
                    Double.parseDouble(r.get("los_high")), r.get("name")));
        }
        return Map.copyOf(table);
    }
}
