package org.hqd.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ExtractionRules rules;
    private final TaskFields fields;

    public PlanParser(ExtractionRules rules, IndicatorLinks links) {
        this.rules = rules;
        this.fields = new TaskFields(rules, links);
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
     * The plans of a document. Fails with a clear message on an empty document, on one with no recognisable
     * task (a document whose plans have no tasks at all is such a document) and on one whose reading would exceed
     * its {@link ScanBudget}.
     */
    public ExtractedDocument parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new HqdException(name + " 是空文件，没有可提取的方案");
        }
        return new Reading(ScanBudget.forDocument(name, text.length())).document(name, text);
    }

    /** The deadlines of a text (a cell of a review table). */
    List<Deadline> deadlines(String text) {
        return fields.deadlines(text, ScanBudget.forDocument("审核表", text.length()));
    }

    /** The targets of a text (a cell of a review table). */
    List<TaskTarget> targets(String text) {
        return fields.targets(text, ScanBudget.forDocument("审核表", text.length()));
    }

    /** The characters the patterns read to parse a document: what a test checks to see that reading is linear. */
    long reads(String name, String text) {
        Reading r = new Reading(ScanBudget.forDocument(name, text.length()));
        r.document(name, text);
        return r.budget.used();
    }

    /** One reading of one document, with its budget. */
    private final class Reading {
        private final ScanBudget budget;

        Reading(ScanBudget budget) {
            this.budget = budget;
        }

        ExtractedDocument document(String name, String text) {
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
                    s = p.matcher(budget.over(s)).replaceAll("");
                }
                out.add(new Line(i + 1, s.strip()));
            }
            return out;
        }

        private boolean isPlanTitle(String s) {
            return !s.isEmpty() && rules.planTitle().matcher(budget.over(s)).matches()
                    && rules.planTitleExclude().map(x -> !x.matcher(budget.over(s)).find()).orElse(true);
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
            collect(root, "", tasks);
            // the general part's first milestone, else the span in the title ("…实施方案（2024—2026年）")
            Optional<Deadline> horizon = horizon(root).or(() -> earliest(fields.deadlines(title, budget)));
            if (horizon.isPresent()) {
                tasks.replaceAll(t -> t.due().isPresent() ? t : withHorizon(t, horizon.get()));
            }
            Map<String, Integer> ids = new HashMap<>();
            List<PlanTask> identified = new ArrayList<>(tasks.size());
            for (PlanTask t : tasks) {
                identified.add(t.withId(taskId(planId, t.section(), t.title(), ids)));
            }
            return new Plan(planId, typeset(title), line, identified);
        }

        /**
         * The plan's horizon: the earliest dated deadline of its general part (总体要求, 发展目标 …: "到2025年，…；到2035年，…"
         * → 到2025年, the first milestone the plan sets), if it has one.
         */
        private Optional<Deadline> horizon(Node root) {
            Optional<Deadline> best = Optional.empty();
            for (Node c : root.children) {
                List<Deadline> found = general(c) ? fields.deadlines(c.fullText(), budget)
                        : c.level == Level.PART ? generalDeadlines(c) : List.of();
                for (Deadline d : found) {
                    if (d.due().isPresent() && (best.isEmpty() || d.due().get().isBefore(best.get().due().get()))) {
                        best = Optional.of(d);
                    }
                }
            }
            return best;
        }

        private static Optional<Deadline> earliest(List<Deadline> found) {
            return found.stream().filter(d -> d.due().isPresent()).min(java.util.Comparator.comparing(d -> d.due().get()));
        }

        /** The deadlines of the general headings directly under a part (a part "一、" whose "（二）发展目标" is general). */
        private List<Deadline> generalDeadlines(Node part) {
            List<Deadline> out = new ArrayList<>();
            for (Node c : part.children) {
                if (general(c)) {
                    out.addAll(fields.deadlines(c.fullText(), budget));
                }
            }
            return out;
        }

        private PlanTask withHorizon(PlanTask t, Deadline horizon) {
            List<Deadline> deadlines = new ArrayList<>(t.deadlines());
            deadlines.add(Deadline.derivedFrom(horizon));
            return new PlanTask(t.taskId(), t.section(), t.taskNo(), t.title(), t.text(), t.leadUnits(), t.coUnits(),
                    deadlines, horizon.due(), t.targets(), t.sourceLine());
        }

        private Node open(Line l, Node current, Node root) {
            for (Level level : Level.values()) {
                Matcher m = rules.level(level).matcher(budget.over(l.text()));
                if (m.matches()) {
                    Node parent = current;
                    while (parent != root && parent.level.ordinal() >= level.ordinal()) {
                        parent = parent.parent;
                    }
                    Node n = new Node(level, m.group("no").replaceAll("\\s+", ""), m.group("rest").strip(), l.number(),
                            parent);
                    parent.children.add(n);
                    return n;
                }
            }
            return null;
        }

        private void collect(Node node, String section, List<PlanTask> out) {
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
                        collect(c, heading(c), out);
                    } else if (!fields.units(c.fullText(), budget).lead().isEmpty()) {
                        out.add(task(c, heading(c)));
                    }
                } else if (c.level == Level.GROUP && c.has(Level.TASK)) {
                    collect(c, opensSection ? heading(c) : section, out);
                } else {
                    out.add(task(c, section));
                }
            }
        }

        private boolean general(Node n) {
            return rules.generalHeading().matcher(budget.over(title(n))).find();
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
            Matcher end = rules.titleEnd().matcher(budget.over(rest));
            if (end.find()) {
                return rest.substring(0, end.start()).strip();
            }
            if (!rest.isEmpty() && rest.length() <= rules.titleMaxLength()) {
                return rest;
            }
            String all = withoutUnits(n.text.toString());
            Matcher e2 = rules.titleEnd().matcher(budget.over(all));
            int stop = e2.find() ? e2.start() : all.length();
            return all.substring(0, Math.min(stop, rules.titleMaxLength())).strip();
        }

        /** The text without its units clauses, and without a clause left open at its end by a wrapped line. */
        private String withoutUnits(String text) {
            String out = fields.withoutUnits(text, budget);
            int open = Math.max(out.lastIndexOf('（'), out.lastIndexOf('('));
            int close = Math.max(out.lastIndexOf('）'), out.lastIndexOf(')'));
            return (open > close && open > 0 ? out.substring(0, open) : out).strip();
        }

        private PlanTask task(Node n, String section) {
            String text = n.fullText();
            TaskFields.Units u = fields.units(text, budget);
            List<Deadline> deadlines = fields.deadlines(text, budget);
            return new PlanTask("", section, n.no, title(n), n.no + text,
                    u.lead(), u.co(), deadlines, PlanTask.latest(deadlines), fields.targets(text, budget), n.line);
        }
    }

    /** Spaces between Chinese characters are the typesetting of a gazette line break (贯彻 落实): dropped. */
    private static final Pattern HAN_GAP = Pattern.compile("(?<=[\\p{IsHan}《》“”（）、])\\s+(?=[\\p{IsHan}《》“”（）])");

    /**
     * The title as it is shown: without the spaces a line break left between Chinese characters. The plan's id keeps
     * hashing the title as read, so ledgers imported before keep their plans.
     */
    static String typeset(String title) {
        return HAN_GAP.matcher(title).replaceAll("");
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
