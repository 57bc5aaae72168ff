package org.hqd.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hqd.HqdException;

/**
 * The data that drives {@link PlanParser}: how a plan's title line looks, the numbering of each level, the
 * headings that are general requirements rather than tasks, the responsible-unit patterns, the deadline and target
 * patterns. The bundled set ({@code extraction-rules.json}) covers the policy documents HQD ships with; a region
 * whose documents are written differently passes its own file.
 */
public final class ExtractionRules {
    /** The levels of numbering, outermost first: 一、 › （一） › 1. › (1). */
    public enum Level { PART, GROUP, TASK, ITEM }

    /** How a deadline turns into a date. */
    public enum Due { YEAR_END, MONTH_END, HALF_YEAR, FIXED, NONE }

    public record UnitRule(String name, Pattern pattern) { }

    public record DeadlineRule(Pattern pattern, Due due, Optional<LocalDate> fixed) { }

    /** What a target pattern finds: a value with its unit, a ratio "a:b", or a bare number after a verb (CMI 1.3). */
    public enum TargetKind { VALUE, RATIO, NUMBER }

    public record TargetRule(Pattern pattern, TargetKind kind) { }

    private final String id;
    private final String name;
    private final List<Pattern> cleanup;
    private final Pattern planTitle;
    private final Optional<Pattern> planTitleExclude;
    private final Map<Level, Pattern> levels;
    private final Pattern generalHeading;
    private final Pattern titleEnd;
    private final int titleMaxLength;
    private final List<UnitRule> units;
    private final Pattern unitSeparator;
    private final List<Pattern> unitCleanup;
    private final List<DeadlineRule> deadlines;
    private final List<TargetRule> targets;
    private final Map<String, TargetComparator> verbs;
    private final Map<String, TargetComparator> qualifiers;

    private ExtractionRules(JsonNode n, String source) {
        id = text(n, "id", source);
        name = n.path("name").asText(id);
        cleanup = new ArrayList<>();
        for (JsonNode p : n.path("cleanup").path("strip")) {
            cleanup.add(compile(p.asText(), source + " cleanup.strip"));
        }
        planTitle = compile(text(n.path("planTitle"), "pattern", source + " planTitle"), source + " planTitle");
        planTitleExclude = n.path("planTitle").hasNonNull("exclude")
                ? Optional.of(compile(n.path("planTitle").get("exclude").asText(), source + " planTitle.exclude"))
                : Optional.empty();
        levels = new EnumMap<>(Level.class);
        for (JsonNode l : n.path("levels")) {
            Level level;
            try {
                level = Level.valueOf(l.path("level").asText());
            } catch (IllegalArgumentException e) {
                throw new HqdException(source + ": levels 中的 level 应为 PART、GROUP、TASK、ITEM，实际为 '"
                        + l.path("level").asText() + "'");
            }
            Pattern p = compile(text(l, "pattern", source + " levels"), source + " levels." + level);
            if (!p.pattern().contains("(?<no>") || !p.pattern().contains("(?<rest>")) {
                throw new HqdException(source + ": levels." + level + " 的正则必须含命名组 no 和 rest");
            }
            levels.put(level, p);
        }
        for (Level l : Level.values()) {
            if (!levels.containsKey(l)) {
                throw new HqdException(source + ": levels 缺少 " + l);
            }
        }
        generalHeading = compile(text(n, "generalHeading", source), source + " generalHeading");
        titleEnd = compile(text(n.path("title"), "end", source + " title"), source + " title.end");
        titleMaxLength = n.path("title").path("maxLength").asInt(60);
        units = new ArrayList<>();
        for (JsonNode u : n.path("units")) {
            Pattern p = compile(text(u, "pattern", source + " units"), source + " units");
            if (!p.pattern().contains("(?<lead>")) {
                throw new HqdException(source + ": units 的正则必须含命名组 lead（可另有 co）：" + p.pattern());
            }
            units.add(new UnitRule(u.path("name").asText(""), p));
        }
        unitSeparator = compile(text(n, "unitSeparator", source), source + " unitSeparator");
        unitCleanup = new ArrayList<>();
        for (JsonNode p : n.path("unitCleanup")) {
            unitCleanup.add(compile(p.asText(), source + " unitCleanup"));
        }
        deadlines = new ArrayList<>();
        for (JsonNode d : n.path("deadlines")) {
            Due due;
            try {
                due = Due.valueOf(d.path("due").asText("NONE"));
            } catch (IllegalArgumentException e) {
                throw new HqdException(source + ": deadlines 中的 due 应为 " + java.util.Arrays.toString(Due.values())
                        + "，实际为 '" + d.path("due").asText() + "'");
            }
            Optional<LocalDate> fixed = Optional.empty();
            if (due == Due.FIXED) {
                try {
                    fixed = Optional.of(LocalDate.parse(text(d, "date", source + " deadlines")));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new HqdException(source + ": deadlines 的 date 应为 YYYY-MM-DD，实际为 '"
                            + d.path("date").asText() + "'");
                }
            }
            deadlines.add(new DeadlineRule(compile(text(d, "pattern", source + " deadlines"), source + " deadlines"),
                    due, fixed));
        }
        targets = new ArrayList<>();
        for (JsonNode t : n.path("targets")) {
            Pattern p = compile(text(t, "pattern", source + " targets"), source + " targets");
            if (!p.pattern().contains("(?<value>")) {
                throw new HqdException(source + ": targets 的正则必须含命名组 value");
            }
            TargetKind kind;
            try {
                kind = TargetKind.valueOf(t.path("kind").asText("VALUE"));
            } catch (IllegalArgumentException e) {
                throw new HqdException(source + ": targets 的 kind 应为 VALUE、RATIO 或 NUMBER，实际为 '"
                        + t.path("kind").asText() + "'");
            }
            targets.add(new TargetRule(p, kind));
        }
        verbs = comparators(n.path("targetVerbs"), source + " targetVerbs");
        qualifiers = comparators(n.path("targetQualifiers"), source + " targetQualifiers");
    }

    /** The rules shipped with HQD. */
    public static ExtractionRules standard() {
        try (InputStream in = ExtractionRules.class.getResourceAsStream("extraction-rules.json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "extraction-rules.json");
        } catch (IOException e) {
            throw new HqdException("无法读取内置的提取规则 extraction-rules.json", e);
        }
    }

    /** Rules from JSON text; every pattern is compiled here, so a bad one is reported with its place. */
    public static ExtractionRules parse(String json, String source) {
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new HqdException(source + " 不是有效的 JSON：" + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            throw new HqdException(source + " 应是一个 JSON 对象");
        }
        return new ExtractionRules(n, source);
    }

    private static Map<String, TargetComparator> comparators(JsonNode n, String where) {
        Map<String, TargetComparator> out = new HashMap<>();
        n.fields().forEachRemaining(e -> {
            try {
                out.put(e.getKey(), TargetComparator.valueOf(e.getValue().asText()));
            } catch (IllegalArgumentException x) {
                throw new HqdException(where + ": '" + e.getKey() + "' 的比较方式应为 "
                        + java.util.Arrays.toString(TargetComparator.values()) + "，实际为 '" + e.getValue().asText() + "'");
            }
        });
        return Map.copyOf(out);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new HqdException(where + ": 缺少字段 '" + field + "'");
        }
        return v.asText();
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new HqdException(where + ": 正则表达式有误：" + e.getDescription() + "（" + regex + "）");
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    List<Pattern> cleanup() {
        return cleanup;
    }

    Pattern planTitle() {
        return planTitle;
    }

    Optional<Pattern> planTitleExclude() {
        return planTitleExclude;
    }

    Pattern level(Level l) {
        return levels.get(l);
    }

    Pattern generalHeading() {
        return generalHeading;
    }

    Pattern titleEnd() {
        return titleEnd;
    }

    int titleMaxLength() {
        return titleMaxLength;
    }

    List<UnitRule> units() {
        return units;
    }

    Pattern unitSeparator() {
        return unitSeparator;
    }

    List<Pattern> unitCleanup() {
        return unitCleanup;
    }

    List<DeadlineRule> deadlines() {
        return deadlines;
    }

    List<TargetRule> targets() {
        return targets;
    }

    Optional<TargetComparator> verb(String v) {
        return Optional.ofNullable(verbs.get(v));
    }

    Optional<TargetComparator> qualifier(String q) {
        return Optional.ofNullable(qualifiers.get(q));
    }
}
