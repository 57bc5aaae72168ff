package org.hqd.hospital;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names of administrative divisions by their codes (data: {@code regions.tsv}), so that what users read says
 * 甘肃省, not 地区 620000, and the synthetic province 示例省 with its cities 甲市 … 癸市.
 */
public final class Regions {
    private static final Regions STANDARD = load();

    private final Map<String, String> names;

    private Regions(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The bundled divisions. */
    public static Regions standard() {
        return STANDARD;
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code.strip()));
    }

    /** The division's name, or "地区 code" for a code the list does not hold. */
    public String label(String code) {
        return name(code).orElse("地区 " + code);
    }

    /** The division's name with its code, "甲市（990100）", or the code alone for a code the list does not hold. */
    public String nameAndCode(String code) {
        return name(code).map(n -> n + "（" + code.strip() + "）").orElse(code.strip());
    }

    private static Regions load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("regions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("regions.tsv missing from the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\t");
                if (line.startsWith("#") || f.length != 2 || f[0].equals("code")) {
                    continue;
                }
                names.put(f[0].strip(), f[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Regions(names);
    }
}
