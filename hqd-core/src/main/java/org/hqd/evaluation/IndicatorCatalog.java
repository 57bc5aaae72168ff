package org.hqd.evaluation;

import org.hqd.TsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.HqdException;

/**
 * The indicator definitions, read from a TSV file ({@code id, name, dimension, formula, unit, direction, source,
 * note}); the standard one ships as {@code indicators.tsv}. Formulas are checked when the catalogue is read. A
 * definition is written once here; the {@link IndicatorSet}s list which definitions they use, under their numbers.
 */
public final class IndicatorCatalog {
    static final List<String> COLUMNS = List.of("id", "name", "dimension", "formula", "unit", "direction", "source",
            "note");

    private final Map<String, Indicator> indicators;

    private IndicatorCatalog(Map<String, Indicator> indicators) {
        this.indicators = Collections.unmodifiableMap(indicators);
    }

    /** The catalogue shipped with HQD. */
    public static IndicatorCatalog standard() {
        return parse(resource("indicators.tsv"), "indicators.tsv");
    }

    /** A catalogue from TSV text; {@code source} names it in messages. */
    public static IndicatorCatalog parse(String text, String source) {
        Map<String, Indicator> out = new LinkedHashMap<>();
        for (TsvRows.Row r : TsvRows.parse(text, source, COLUMNS).rows()) {
            String id = r.get("id");
            if (!id.matches("[a-z][a-z0-9_]*")) {
                throw r.error("指标 id '" + id + "' 只能由小写字母、数字和下划线组成");
            }
            Dimension dimension = Dimension.of(r.get("dimension")).orElseThrow(() -> r.error("维度应为 医疗质量、运营效率、"
                    + "持续发展 或 满意度评价，实际为 '" + r.get("dimension") + "'"));
            Direction direction = Direction.of(r.get("direction")).orElseThrow(() -> r.error(
                    "方向应为 HIGHER_BETTER、LOWER_BETTER 或 MONITOR，实际为 '" + r.get("direction") + "'"));
            Formula formula;
            try {
                formula = Formula.parse(r.get("formula"));
            } catch (HqdException e) {
                throw r.error(e.getMessage());
            }
            if (out.put(id, new Indicator(id, r.get("name"), dimension, formula, r.optional("unit"), direction,
                    r.get("source"), r.optional("note"))) != null) {
                throw r.error("指标 id '" + id + "' 重复");
            }
        }
        return new IndicatorCatalog(out);
    }

    public Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(indicators.get(id));
    }

    /** Every indicator, in catalogue order. */
    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    static String resource(String name) {
        try (InputStream in = IndicatorCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new HqdException("缺少内置文件 " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
