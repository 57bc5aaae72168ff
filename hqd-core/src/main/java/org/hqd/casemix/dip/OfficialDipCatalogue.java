package org.hqd.casemix.dip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;

/*
 * The file (CSV or TSV, UTF-8, header line): group_code, principal_dx, operations, score, and optionally mean_cost,
 * type, name. A core group (type core, the default) is a principal diagnosis (its subcategory, the first 5
 * characters, is the key) with the operations of the group (codes joined by + ; or |, none for conservative
 * treatment). A comprehensive group (type comprehensive / 综合) is a diagnosis category (3 characters) with a treatment
 * type in operations: 保守治疗, 诊断性操作, 治疗性操作, 手术 (or CONSERVATIVE …). A case's key uses only its procedures
 * that appear in some core group of the catalogue. The mean cost (次均费用, the 偏差病例 reference) is the column when
 * given, else score × the point value.
 */
/** Reads a national or regional DIP catalogue (病种目录库) and checks it whole. */
public final class OfficialDipCatalogue {
    private final List<OfficialDipGroup> groups;
    private final Set<String> operations;

    private OfficialDipCatalogue(List<OfficialDipGroup> groups, Set<String> operations) {
        this.groups = List.copyOf(groups);
        this.operations = Set.copyOf(operations);
    }

    public List<OfficialDipGroup> groups() {
        return groups;
    }

    /** Whether a procedure appears in a core group: only such procedures make a case's key. */
    public Predicate<String> operation() {
        return operations::contains;
    }

    /** The catalogue for grouping cases ({@link DipCatalog#group}). */
    public DipCatalog catalog(DipParameters p) {
        return DipCatalog.of(groups.stream().map(OfficialDipGroup::group).toList(), operation(), p);
    }

    /** The operations named by stored core keys ({@code dx|op+op}), for a catalogue read back from the store. */
    public static Predicate<String> operationsOf(List<DipGroup> groups) {
        Set<String> ops = new java.util.HashSet<>();
        for (DipGroup g : groups) {
            int bar = g.key().indexOf('|');
            if (g.core() && bar >= 0 && bar + 1 < g.key().length()) {
                ops.addAll(Arrays.asList(g.key().substring(bar + 1).split("\\+")));
            }
        }
        return ops::contains;
    }

    /** @param pointValue yuan per point, for the mean cost of groups the file gives none */
    public static OfficialDipCatalogue parse(String text, String file, OptionalDouble pointValue) {
        List<RuleFileProblem> problems = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        String sep = lines.length > 0 && lines[0].contains("\t") ? "\t" : ",";
        List<String> header = lines.length == 0 ? List.of() : List.of(lines[0].strip().split("\\s*" + sep + "\\s*"));
        for (String c : List.of("group_code", "principal_dx", "operations", "score")) {
            if (!header.contains(c)) {
                problems.add(new RuleFileProblem(file, "第 1 行", "缺少列 " + c
                        + "；应有 group_code, principal_dx, operations, score[, mean_cost, type, name]"));
            }
        }
        RuleFileException.throwIfAny(file, problems);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        List<OfficialDipGroup> groups = new ArrayList<>();
        Set<String> ops = new TreeSet<>();
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String at = "第 " + (i + 1) + " 行";
            String[] f = lines[i].split(sep, -1);
            String code = cell(f, col.get("group_code"));
            String dx = cell(f, col.get("principal_dx")).toUpperCase(Locale.ROOT);
            String operations = cell(f, col.get("operations"));
            String type = cell(f, col.get("type"));
            double score = number(cell(f, col.get("score")));
            String meanText = cell(f, col.get("mean_cost"));
            double mean = meanText.isEmpty() ? pointValue.orElse(Double.NaN) * score : number(meanText);
            int before = problems.size();
            if (code.isEmpty() || dx.isEmpty()) {
                problems.add(new RuleFileProblem(file, at, "group_code 与 principal_dx 不能为空"));
            }
            if (!(score > 0)) {
                problems.add(new RuleFileProblem(file, at, "score 应为正数，实际为 '" + cell(f, col.get("score")) + "'"));
            }
            if (!(mean > 0)) {
                problems.add(new RuleFileProblem(file, at, meanText.isEmpty() ? "没有 mean_cost，又未给出点值（--point-value），"
                        + "无法得到病种次均费用" : "mean_cost 应为正数，实际为 '" + meanText + "'"));
            }
            boolean core = type.isEmpty() || type.equalsIgnoreCase("core") || type.equals("核心");
            String key = "";
            if (core) {
                TreeSet<String> own = new TreeSet<>();
                for (String o : operations.split("[+;|]")) {
                    if (!o.isBlank()) {
                        own.add(o.strip());
                    }
                }
                ops.addAll(own);
                key = (dx.length() > 5 ? dx.substring(0, 5) : dx) + "|" + String.join("+", own);
            } else if (type.equalsIgnoreCase("comprehensive") || type.equals("综合")) {
                TreatmentType t = treatment(operations);
                if (t == null) {
                    problems.add(new RuleFileProblem(file, at, "综合病种的 operations 应为治疗方式：保守治疗、诊断性操作、"
                            + "治疗性操作或手术，实际为 '" + operations + "'"));
                } else {
                    key = (dx.length() > 3 ? dx.substring(0, 3) : dx) + "/" + t.name();
                }
            } else {
                problems.add(new RuleFileProblem(file, at, "type 应为 core（核心）或 comprehensive（综合），实际为 '" + type + "'"));
            }
            Integer first = key.isEmpty() ? null : keys.putIfAbsent(key, i + 1);
            if (first != null) {
                problems.add(new RuleFileProblem(file, at, "与第 " + first + " 行是同一病种（" + key + "）"));
            }
            if (problems.size() == before) {
                groups.add(new OfficialDipGroup(code, cell(f, col.get("name")), new DipGroup(key, core, 0, 0, mean,
                        score)));
            }
        }
        if (groups.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleFileProblem(file, "", "没有任何病种"));
        }
        RuleFileException.throwIfAny(file, problems);
        return new OfficialDipCatalogue(groups, ops);
    }

    private static TreatmentType treatment(String v) {
        for (TreatmentType t : TreatmentType.values()) {
            if (t.name().equalsIgnoreCase(v.strip()) || t.label().equals(v.strip())) {
                return t;
            }
        }
        return null;
    }

    private static String cell(String[] f, Integer i) {
        return i == null || i >= f.length ? "" : f[i].strip().replace("\"", "");
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
