package org.hqd.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task's text says besides its title: the responsible units, the deadlines and the targets, found by the
 * patterns of the {@link ExtractionRules}. Every pattern reads the text through a {@link ScanBudget}.
 */
final class TaskFields {
    /** The longest clause kept before a target's value, and how far back it is looked for. */
    static final int MAX_PHRASE = 40;
    static final int PHRASE_LOOKBACK = 200;
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final ExtractionRules rules;
    private final IndicatorLinks links;

    TaskFields(ExtractionRules rules, IndicatorLinks links) {
        this.rules = rules;
        this.links = links;
    }

    record Units(List<String> lead, List<String> co) { }

    private record Found(int start, int end, int rule, Matcher m) { }

    /** Matches of several patterns in a text, in order, without overlaps (at one place the earlier rule wins). */
    private static List<Found> scan(CharSequence text, List<Pattern> patterns) {
        List<Found> all = new ArrayList<>();
        for (int r = 0; r < patterns.size(); r++) {
            Matcher m = patterns.get(r).matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    Matcher copy = patterns.get(r).matcher(text);
                    copy.find(m.start());
                    all.add(new Found(m.start(), m.end(), r, copy));
                }
            }
        }
        all.sort(Comparator.comparingInt(Found::start).thenComparingInt(Found::rule));
        List<Found> out = new ArrayList<>();
        int taken = -1;
        for (Found f : all) {
            if (f.start() >= taken) {
                out.add(f);
                taken = f.end();
            } else if (out.get(out.size() - 1).start() == f.start() && f.rule() < out.get(out.size() - 1).rule()) {
                out.set(out.size() - 1, f);
                taken = f.end();
            }
        }
        return out;
    }

    /** A text with its units clauses removed. */
    String withoutUnits(String text, ScanBudget budget) {
        String out = text;
        for (ExtractionRules.UnitRule u : rules.units()) {
            out = u.pattern().matcher(budget.over(out)).replaceAll("");
        }
        return out;
    }

    Units units(String text, ScanBudget budget) {
        LinkedHashSet<String> lead = new LinkedHashSet<>();
        LinkedHashSet<String> co = new LinkedHashSet<>();
        for (Found f : scan(budget.over(text), rules.units().stream().map(ExtractionRules.UnitRule::pattern).toList())) {
            split(f.m().group("lead"), lead);
            if (f.m().pattern().pattern().contains("(?<co>") && f.m().group("co") != null) {
                split(f.m().group("co"), co);
            }
        }
        return new Units(List.copyOf(lead), List.copyOf(co));
    }

    private void split(String list, LinkedHashSet<String> into) {
        for (String part : rules.unitSeparator().split(list)) {
            String u = part.strip();
            for (Pattern p : rules.unitCleanup()) {
                u = p.matcher(u).replaceAll("").strip();
            }
            if (!u.isEmpty()) {
                into.add(u);
            }
        }
    }

    List<Deadline> deadlines(String text, ScanBudget budget) {
        List<ExtractionRules.DeadlineRule> rs = rules.deadlines();
        List<Deadline> out = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (Found f : scan(budget.over(text), rs.stream().map(ExtractionRules.DeadlineRule::pattern).toList())) {
            String written = f.m().group().strip();
            if (seen.add(written)) {
                out.add(new Deadline(written, due(rs.get(f.rule()), f.m())));
            }
        }
        return out;
    }

    private static Optional<LocalDate> due(ExtractionRules.DeadlineRule r, Matcher m) {
        return switch (r.due()) {
            case YEAR_END -> Optional.of(LocalDate.of(Integer.parseInt(m.group("y")), 12, 31));
            case HALF_YEAR -> Optional.of(LocalDate.of(Integer.parseInt(m.group("y")), 6, 30));
            case MONTH_END -> {
                int month = Integer.parseInt(m.group("m"));
                yield month < 1 || month > 12 ? Optional.empty()
                        : Optional.of(YearMonth.of(Integer.parseInt(m.group("y")), month).atEndOfMonth());
            }
            case FIXED -> r.fixed();
            case NONE -> Optional.empty();
        };
    }

    List<TaskTarget> targets(String text, ScanBudget budget) {
        List<ExtractionRules.TargetRule> rs = rules.targets();
        List<TaskTarget> out = new ArrayList<>();
        for (Found f : scan(budget.over(text), rs.stream().map(ExtractionRules.TargetRule::pattern).toList())) {
            Matcher m = f.m();
            ExtractionRules.TargetKind kind = rs.get(f.rule()).kind();
            boolean ratio = kind == ExtractionRules.TargetKind.RATIO;
            String valueText = m.group("value").replaceAll("\\s+", "");
            String verb = group(m, "verb");
            String qual = group(m, "qual");
            String unit = switch (kind) {
                case RATIO -> ":";
                case NUMBER -> "";
                case VALUE -> group(m, "unit").replace('％', '%');
            };
            TargetComparator c = rules.qualifier(qual).or(() -> rules.verb(verb)).orElse(TargetComparator.REACH);
            OptionalDouble value = OptionalDouble.empty();
            if (!ratio) {
                Matcher num = DECIMAL.matcher(valueText);
                if (num.find()) {
                    value = OptionalDouble.of(Double.parseDouble(num.group()));
                }
            }
            budget.spend(PHRASE_LOOKBACK);
            TaskTarget t = new TaskTarget(m.group().strip(), phraseBefore(text, m.start()), valueText, value, unit, c,
                    Optional.empty(), OptionalDouble.empty());
            out.add(links.link(t));
        }
        return out;
    }

    /**
     * The clause before a target's value: back to the previous punctuation, stepping over a closed parenthesis
     * ("病例组合指数(CMI)值" stays whole); its last {@link #MAX_PHRASE} characters. The clause is looked for no further
     * back than {@link #PHRASE_LOOKBACK} characters, so that a text of many targets without punctuation is read once
     * per target, not once per target from its start (which was quadratic): a clause longer than that is cut to its
     * last 40 characters all the same.
     */
    static String phraseBefore(String text, int end) {
        int depth = 0;
        int floor = Math.max(0, end - PHRASE_LOOKBACK);
        int start = floor;
        for (int i = end - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == '）') {
                depth++;
            } else if ((c == '(' || c == '（') && depth > 0) {
                depth--;
            } else if (depth == 0 && clauseStart(c)) {
                start = i + 1;
                break;
            }
        }
        String phrase = text.substring(start, end).strip();
        return phrase.length() > MAX_PHRASE ? phrase.substring(phrase.length() - MAX_PHRASE) : phrase;
    }

    private static boolean clauseStart(char c) {
        return switch (c) {
            case '，', ',', '。', '；', ';', '：', ':', '（', '(' -> true;
            default -> false;
        };
    }

    private static String group(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null ? "" : g;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
