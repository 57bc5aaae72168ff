package org.hqd.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hqd.HqdException;
import org.hqd.ledger.ExtractionRules.Level;

/**
 * Reads a plan document (plain text) into plans → sections → tasks. Documents are noisy: hard-wrapped lines with
 * blank lines between them, collections of several plans, stripped headings and numbering that restarts, full-width
 * and ASCII punctuation. The parser therefore works on numbering levels, not on layout:
 * <ol>
 * <li>a line that matches the plan-title rule starts a plan (a document without one is one plan, if it has tasks);</li>
 * <li>each line that starts with a number of some level (一、 › （一） › 1. › (1)) opens a node under the nearest node
 * of a higher level; every other line continues the current node, which joins hard-wrapped paragraphs;</li>
 * <li>tasks are the 1.-level nodes, and the （一）-level nodes that have no 1.-level node under them (in documents
 * that number tasks （一）); general-requirement headings (总体要求, 指导思想, …) are not tasks;</li>
 * <li>a task's section is the topmost heading above it; its units, deadlines and targets are found in its text and
 * that of its sub-items by the patterns of the {@link ExtractionRules}.</li>
 * </ol>
 */
public final class PlanParser {
    private static final Pattern CLAUSE_START = Pattern.compile("[，,。；;：:（(]");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final ExtractionRules rules;
    private final IndicatorLinks links;

    public PlanParser(ExtractionRules rules, IndicatorLinks links) {
        this.rules = rules;
        this.links = links;
    }

    /** A node of the numbering tree while a plan is read. */
    private static final class Node {
        final Level level;
        final String no;
        final String rest;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();
        final Node parent;

        Node(Level level, String no, String rest, int line, Node parent) {
            this.level = level;
            this.no = no;
            this.rest = rest;
            this.line = line;
            this.parent = parent;
            text.append(rest);
        }

        String fullText() {
            StringBuilder b = new StringBuilder(text);
            for (Node c : children) {
                b.append(c.no).append(c.fullText());
            }
            return b.toString();
        }

        boolean has(Level l) {
            for (Node c : children) {
                if (c.level == l || c.has(l)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Line(int number, String text) { }

    /**
     * The plans of a document. Fails with a clear message on an empty document and on one with no recognisable
     * task; a document whose plans have no tasks at all is such a document.
     */
    public ExtractedDocument parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new HqdException(name + " 是空文件，没有可提取的方案");
        }
        List<Line> lines = clean(text);
        List<Integer> titles = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isPlanTitle(lines.get(i).text())) {
                titles.add(i);
            }
        }
        List<Plan> plans = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        if (titles.isEmpty()) {
            String title = lines.stream().map(Line::text).filter(s -> !s.isEmpty()).findFirst().orElse(name);
            Plan p = plan(title.length() <= 40 ? title : name, 1, lines, seen);
            if (!p.tasks().isEmpty()) {
                plans.add(p);
            }
        } else {
            for (int t = 0; t < titles.size(); t++) {
                int from = titles.get(t);
                int to = t + 1 < titles.size() ? titles.get(t + 1) : lines.size();
                Line title = lines.get(from);
                plans.add(plan(title.text(), title.number(), lines.subList(from + 1, to), seen));
            }
        }
        ExtractedDocument doc = new ExtractedDocument(name, plans);
        if (doc.taskCount() == 0) {
            throw new HqdException(name + " 中没有可识别的任务：" + (plans.isEmpty() ? "没有找到方案标题"
                    : "找到 " + plans.size() + " 个方案标题，但没有编号任务（如“（一）…”“1.…”）")
                    + "。请确认这是一份实施方案，或用 --rules 提供适合它的提取规则");
        }
        return doc;
    }

    private List<Line> clean(String text) {
        String[] raw = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        List<Line> out = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i].replace('\u3000', ' ');
            for (Pattern p : rules.cleanup()) {
                s = p.matcher(s).replaceAll("");
            }
            out.add(new Line(i + 1, s.strip()));
        }
        return out;
    }

    private boolean isPlanTitle(String s) {
        return !s.isEmpty() && rules.planTitle().matcher(s).matches()
                && rules.planTitleExclude().map(x -> !x.matcher(s).find()).orElse(true);
    }

    private Plan plan(String title, int line, List<Line> body, Map<String, Integer> seen) {
        Node root = new Node(null, "", "", line, null);
        Node current = root;
        for (Line l : body) {
            if (l.text().isEmpty()) {
                continue;
            }
            Node opened = open(l, current, root);
            if (opened != null) {
                current = opened;
            } else {
                current.text.append(l.text());
            }
        }
        String planId = planId(title, root, seen);
        List<PlanTask> tasks = new ArrayList<>();
        collect(root, "", planId, tasks);
        Map<String, Integer> ids = new HashMap<>();
        List<PlanTask> identified = new ArrayList<>(tasks.size());
        for (PlanTask t : tasks) {
            identified.add(t.withId(taskId(planId, t.section(), t.title(), ids)));
        }
        return new Plan(planId, title, line, identified);
    }

    private Node open(Line l, Node current, Node root) {
        for (Level level : Level.values()) {
            Matcher m = rules.level(level).matcher(l.text());
            if (m.matches()) {
                Node parent = current;
                while (parent != root && parent.level.ordinal() >= level.ordinal()) {
                    parent = parent.parent;
                }
                Node n = new Node(level, m.group("no").replaceAll("\\s+", ""), m.group("rest").strip(), l.number(), parent);
                parent.children.add(n);
                return n;
            }
        }
        return null;
    }

    private void collect(Node node, String section, String planId, List<PlanTask> out) {
        for (Node c : node.children) {
            if (c.level == Level.ITEM) {
                continue;
            }
            if (general(c)) {
                continue;
            }
            boolean opensSection = section.isEmpty() && c.level != Level.TASK;
            if (c.level == Level.PART) {
                if (c.has(Level.GROUP) || c.has(Level.TASK)) {
                    collect(c, heading(c), planId, out);
                } else if (!units(c.fullText()).lead().isEmpty()) {
                    out.add(task(c, heading(c)));
                }
            } else if (c.level == Level.GROUP && c.has(Level.TASK)) {
                collect(c, opensSection ? heading(c) : section, planId, out);
            } else {
                out.add(task(c, section));
            }
        }
    }

    private boolean general(Node n) {
        return rules.generalHeading().matcher(title(n)).find();
    }

    private String heading(Node n) {
        return n.no + title(n);
    }

    /**
     * The heading's words: up to the first sentence end of the first line, or the first line when it is short;
     * the units clause is never part of it.
     */
    private String title(Node n) {
        String rest = withoutUnits(n.rest);
        Matcher end = rules.titleEnd().matcher(rest);
        if (end.find()) {
            return rest.substring(0, end.start()).strip();
        }
        if (!rest.isEmpty() && rest.length() <= rules.titleMaxLength()) {
            return rest;
        }
        String all = withoutUnits(n.text.toString());
        Matcher e2 = rules.titleEnd().matcher(all);
        int stop = e2.find() ? e2.start() : all.length();
        return all.substring(0, Math.min(stop, rules.titleMaxLength())).strip();
    }

    /** The text without its units clauses, and without a clause left open at its end by a wrapped line. */
    private String withoutUnits(String text) {
        String out = text;
        for (ExtractionRules.UnitRule u : rules.units()) {
            out = u.pattern().matcher(out).replaceAll("");
        }
        int open = Math.max(out.lastIndexOf('（'), out.lastIndexOf('('));
        int close = Math.max(out.lastIndexOf('）'), out.lastIndexOf(')'));
        return (open > close && open > 0 ? out.substring(0, open) : out).strip();
    }

    private PlanTask task(Node n, String section) {
        String text = n.fullText();
        Units u = units(text);
        List<Deadline> deadlines = deadlines(text);
        return new PlanTask("", section, n.no, title(n), n.no + text,
                u.lead(), u.co(), deadlines, PlanTask.latest(deadlines), targets(text), n.line);
    }

    record Units(List<String> lead, List<String> co) { }

    private record Found(int start, int end, int rule, Matcher m) { }

    /** Matches of several patterns in a text, in order, without overlaps (at one place the earlier rule wins). */
    private static List<Found> scan(String text, List<Pattern> patterns) {
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

    Units units(String text) {
        LinkedHashSet<String> lead = new LinkedHashSet<>();
        LinkedHashSet<String> co = new LinkedHashSet<>();
        for (Found f : scan(text, rules.units().stream().map(ExtractionRules.UnitRule::pattern).toList())) {
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

    List<Deadline> deadlines(String text) {
        List<ExtractionRules.DeadlineRule> rs = rules.deadlines();
        List<Deadline> out = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (Found f : scan(text, rs.stream().map(ExtractionRules.DeadlineRule::pattern).toList())) {
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

    List<TaskTarget> targets(String text) {
        List<ExtractionRules.TargetRule> rs = rules.targets();
        List<TaskTarget> out = new ArrayList<>();
        for (Found f : scan(text, rs.stream().map(ExtractionRules.TargetRule::pattern).toList())) {
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
            String phrase = phraseBefore(text, m.start());
            if (phrase.length() > 40) {
                phrase = phrase.substring(phrase.length() - 40);
            }
            TaskTarget t = new TaskTarget(m.group().strip(), phrase, valueText, value, unit, c, Optional.empty(),
                    OptionalDouble.empty());
            out.add(links.link(t));
        }
        return out;
    }

    /**
     * The clause before a target's value: back to the previous punctuation, stepping over a closed parenthesis
     * ("病例组合指数(CMI)值" stays whole).
     */
    static String phraseBefore(String text, int end) {
        int depth = 0;
        int start = 0;
        for (int i = end - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == '）') {
                depth++;
            } else if ((c == '(' || c == '（') && depth > 0) {
                depth--;
            } else if (depth == 0 && CLAUSE_START.matcher(String.valueOf(c)).matches()) {
                start = i + 1;
                break;
            }
        }
        return text.substring(start, end).strip();
    }

    private static String group(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null ? "" : g;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * A plan's id: a hash of its title and the first 100 characters of its text, so that two plans of the same title differ and a
     * revision further down keeps the id; a second identical plan in one document gets "-2".
     */
    private static String planId(String title, Node root, Map<String, Integer> seen) {
        String body = root.fullText();
        return numbered("P" + hash(title + "\n" + body.substring(0, Math.min(100, body.length())), 4), seen);
    }

    /**
     * A task's id: its plan's id and a hash of its section and title. Inserting, dropping or renumbering other tasks
     * does not move it, so a revised document keeps each task's tracking; a task whose title is reworded is a new
     * task (the old one is kept as removed). A second task of the same section and title gets "-2".
     */
    public static String taskId(String planId, String section, String title, Map<String, Integer> seen) {
        return numbered(planId + "-" + hash(section + "\n" + title, 3), seen);
    }

    private static String numbered(String id, Map<String, Integer> seen) {
        int n = seen.merge(id, 1, Integer::sum);
        return n == 1 ? id : id + "-" + n;
    }

    private static String hash(String key, int bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
