package org.hqd.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hqd.HqdException;
import org.hqd.TsvRows;

/**
 * Which HQD indicator a plan target measures, by its phrase and unit ({@code indicator-links.tsv}): "平均住院日控制在
 * 8天以内" is indicator {@code alos} ≤ 8; "四级手术占比力争达到35%" is {@code grade4_surgery_share} ≥ 0.35.
 */
public final class IndicatorLinks {
    private record Link(Pattern phrase, String unit, String indicator, double scale, boolean inverseRatio) { }

    private final List<Link> links;

    private IndicatorLinks(List<Link> links) {
        this.links = List.copyOf(links);
    }

    public static IndicatorLinks standard() {
        try (InputStream in = IndicatorLinks.class.getResourceAsStream("indicator-links.tsv")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "indicator-links.tsv");
        } catch (IOException e) {
            throw new HqdException("无法读取内置的指标关联表 indicator-links.tsv", e);
        }
    }

    /** Links from TSV: columns {@code pattern, unit, indicator, scale, ratio}. */
    public static IndicatorLinks parse(String text, String source) {
        List<Link> out = new ArrayList<>();
        for (TsvRows.Row r : TsvRows.parse(text, source, List.of("pattern", "unit", "indicator", "scale")).rows()) {
            Pattern p;
            try {
                p = Pattern.compile(r.get("pattern"));
            } catch (PatternSyntaxException e) {
                throw r.error("正则表达式有误：" + e.getDescription());
            }
            double scale;
            try {
                scale = Double.parseDouble(r.get("scale"));
            } catch (NumberFormatException e) {
                throw r.error("scale '" + r.get("scale") + "' 不是数字");
            }
            String ratio = r.optional("ratio");
            if (!ratio.isEmpty() && !ratio.equals("b/a") && !ratio.equals("a/b")) {
                throw r.error("ratio 应为 a/b、b/a 或留空，实际为 '" + ratio + "'");
            }
            out.add(new Link(p, r.optional("unit"), r.get("indicator"), scale, ratio.equals("b/a")));
        }
        return new IndicatorLinks(out);
    }

    /** The indicator ids this table links to, to check them against a catalogue. */
    public List<String> indicators() {
        return links.stream().map(Link::indicator).distinct().toList();
    }

    /**
     * The target linked to the first matching indicator, with its value on the indicator's scale; unchanged
     * when none matches. A ratio "a:b" has unit ":" here.
     */
    public TaskTarget link(TaskTarget t) {
        for (Link l : links) {
            if (!l.unit.isEmpty() && !l.unit.equals(t.unit())) {
                continue;
            }
            if (!l.phrase.matcher(t.phrase()).find()) {
                continue;
            }
            OptionalDouble v = t.value();
            if (t.unit().equals(":")) {
                String[] ab = t.valueText().split("[:：∶]");
                double a = Double.parseDouble(ab[0].strip());
                double b = Double.parseDouble(ab[1].strip());
                v = a == 0 || b == 0 ? OptionalDouble.empty() : OptionalDouble.of(l.inverseRatio ? b / a : a / b);
            } else if (v.isPresent()) {
                v = OptionalDouble.of(Math.round(v.getAsDouble() * l.scale * 1e9) / 1e9);
            }
            return t.linked(Optional.of(l.indicator), v);
        }
        return t;
    }
}
