package org.hqd.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
        try (InputStream in = AdrgNorms.class.getResourceAsStream("adrg-norms.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t");
                table.put(f[0], new Range(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("adrg-norms.tsv cannot be read", e);
        }
        return Map.copyOf(table);
    }
}
