package org.hqd.casemix.dip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;
import org.hqd.TsvRows;

/*
 * The file (TSV, header kind, level, condition, coefficient, source): rows grouped by kind (CCI, SEVERITY, AGE,
 * TUMOUR …, any name); within a kind the first row whose condition holds gives the case its level and coefficient;
 * the coefficients of the kinds multiply. A condition is parts joined by &, each one of
 *   cci>=N  cci<=N  cci=N            the Charlson index of the secondary diagnoses
 *   age_years>=N  age_years<=N  age_days<=N
 *   discharge_method=5  (or 2|5)
 *   secondary_dx^C77|C78|C79         some secondary diagnosis starts with one of the prefixes
 *   any_proc^99.25|92.2              some procedure starts with one of the prefixes
 */
/** The DIP auxiliary catalogue (辅助目录): coefficients on a group's score by the case's severity, age, tumour … */
public final class DipAuxiliary {
    /** One row: when a case is at this level of this kind, and the coefficient. */
    public record Level(String kind, String level, String condition, double coefficient, String source) { }

    /** What a case's auxiliary levels give: the product of the coefficients, and the levels (kind:level, …). */
    public record Adjustment(double coefficient, String levels) { }

    /** No auxiliary catalogue: every coefficient 1. */
    public static final DipAuxiliary NONE = new DipAuxiliary(List.of(), List.of());

    private final List<Level> levels;
    private final List<AuxCondition> conditions;

    private DipAuxiliary(List<Level> levels, List<AuxCondition> conditions) {
        this.levels = List.copyOf(levels);
        this.conditions = List.copyOf(conditions);
    }

    public List<Level> levels() {
        return levels;
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }

    /** Reads and checks an auxiliary catalogue: every malformed condition or coefficient, with its line. */
    public static DipAuxiliary parse(String text, String file) {
        TsvRows t = TsvRows.parse(text, file, List.of("kind", "level", "condition", "coefficient"));
        List<RuleFileProblem> problems = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        List<AuxCondition> conditions = new ArrayList<>();
        for (TsvRows.Row r : t.rows()) {
            String at = "第 " + r.line() + " 行";
            double k;
            try {
                k = Double.parseDouble(r.optional("coefficient"));
            } catch (NumberFormatException e) {
                k = Double.NaN;
            }
            if (!(k > 0 && k <= 10)) {
                problems.add(new RuleFileProblem(file, at, "coefficient 应为 0–10 的正数，实际为 '" + r.optional("coefficient") + "'"));
            }
            if (r.optional("kind").isEmpty() || r.optional("level").isEmpty()) {
                problems.add(new RuleFileProblem(file, at, "kind 与 level 不能为空"));
            }
            try {
                conditions.add(AuxCondition.parse(r.optional("condition")));
                levels.add(new Level(r.optional("kind"), r.optional("level"), r.optional("condition"), k,
                        r.optional("source")));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleFileProblem(file, at, e.getMessage()));
            }
        }
        RuleFileException.throwIfAny(file, problems);
        return new DipAuxiliary(levels, conditions);
    }

    /** The rows of a stored catalogue (checked when it was loaded). */
    public static DipAuxiliary of(List<Level> levels) {
        return new DipAuxiliary(levels, levels.stream().map(l -> AuxCondition.parse(l.condition())).toList());
    }

    /** The coefficient of a case: per kind the first level that holds; the product over kinds. */
    public Adjustment adjust(AuxCase c) {
        Map<String, Integer> chosen = new LinkedHashMap<>();
        int cci = -1;
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            if (chosen.containsKey(l.kind())) {
                continue;
            }
            if (cci < 0 && conditions.get(i).needsCci()) {
                cci = Charlson.standard().index(c.secondaryDx());
            }
            if (conditions.get(i).test(c, cci)) {
                chosen.put(l.kind(), i);
            }
        }
        double k = 1;
        List<String> names = new ArrayList<>();
        for (int i : chosen.values()) {
            k *= levels.get(i).coefficient();
            names.add(levels.get(i).kind() + ":" + levels.get(i).level());
        }
        return new Adjustment(k, String.join(";", names));
    }
}
