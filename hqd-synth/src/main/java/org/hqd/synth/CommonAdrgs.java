package org.hqd.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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
        try (InputStream in = CommonAdrgs.class.getResourceAsStream("common-adrgs.tsv");
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
                table.put(f[0], Double.parseDouble(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("common-adrgs.tsv cannot be read", e);
        }
        return java.util.Collections.unmodifiableMap(table);
    }
}
