package org.hqd.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.HqdException;

/**
 * The quality rules for discharge abstracts, read from a TSV catalogue ({@code id, dimension, severity,
 * message}), with the {@link PlausibilityRanges} their range rules check. The standard catalogue ships with HQD; a
 * region may load its own to change severities or messages. Every rule id the checks and the ranges use must be in
 * the catalogue.
 */
public final class QualityRuleCatalog {
    private final Map<String, QualityRule> rules;
    private final PlausibilityRanges ranges;

    private QualityRuleCatalog(Map<String, QualityRule> rules, PlausibilityRanges ranges, String source) {
        for (String id : ranges.ruleIds()) {
            if (!rules.containsKey(id)) {
                throw new HqdException(source + " 缺少合理范围表用到的质控规则 " + id);
            }
        }
        this.rules = rules;
        this.ranges = ranges;
    }

    /** The catalogue shipped with HQD. */
    public static QualityRuleCatalog standard() {
        try (InputStream in = QualityRuleCatalog.class.getResourceAsStream("abstract-rules.tsv")) {
            if (in == null) {
                throw new HqdException("缺少内置质控规则目录 abstract-rules.tsv");
            }
            return read(in, "abstract-rules.tsv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalogue from a TSV stream, with the standard ranges; {@code source} names it in messages. */
    public static QualityRuleCatalog read(InputStream in, String source) throws IOException {
        Map<String, QualityRule> rules = new LinkedHashMap<>();
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            if (f.length < 4) {
                throw new HqdException(source + " 第 " + (i + 1) + " 行应有 4 列：id、dimension、severity、message");
            }
            Severity severity;
            try {
                severity = Severity.valueOf(f[2].strip());
            } catch (IllegalArgumentException e) {
                throw new HqdException(source + " 第 " + (i + 1) + " 行：严重程度应为 ERROR 或 WARNING，实际为 '" + f[2] + "'");
            }
            rules.put(f[0].strip(), new QualityRule(f[0].strip(), f[1].strip(), severity, f[3].strip()));
        }
        for (String id : AbstractQualityChecks.RULE_IDS) {
            if (!rules.containsKey(id)) {
                throw new HqdException(source + " 缺少质控规则 " + id);
            }
        }
        return new QualityRuleCatalog(rules, PlausibilityRanges.standard(), source);
    }

    /** This catalogue checking these ranges instead. */
    public QualityRuleCatalog withRanges(PlausibilityRanges other) {
        return new QualityRuleCatalog(rules, other, "质控规则目录");
    }

    /** The plausibility ranges the range rules check. */
    public PlausibilityRanges ranges() {
        return ranges;
    }

    public QualityRule rule(String id) {
        QualityRule r = rules.get(id);
        if (r == null) {
            throw new HqdException("未知的质控规则 " + id);
        }
        return r;
    }

    public List<QualityRule> rules() {
        return List.copyOf(rules.values());
    }
}
