package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hqd.HqdException;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;
import org.hqd.TsvRows;

/**
 * Turns the 分组方案 tables of {@link SchemeTables} into a {@code casemix-rulepack/1} pack, so a region loads CHS-DRG
 * 2.0 or a city's version without code. Every table is checked — a missing table or column, a condition that does not
 * parse or names an unknown atom, a rule in an MDC that is not defined, a DRG listed but not defined, a list defined in
 * two tables, duplicate rows — and every problem is reported at once with its table and line; the compiled pack is then
 * loaded back with {@link RulePackLoader}, whose cross-reference checks run on it too.
 */
public final class SchemeCompiler {
    static final String AMBIGUOUS_ANY = "ambiguous_any_proc";
    static final String AMBIGUOUS_MAIN = "ambiguous_main_proc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> tables;
    private final List<RuleFileProblem> problems = new ArrayList<>();
    private final List<RulePackProblem> atomProblems = new ArrayList<>();

    private SchemeCompiler(Map<String, String> tables) {
        this.tables = tables;
    }

    /**
     * @param tables       file name → text: the tables of {@link SchemeTables#ALL}, and optionally the four files of
     *                     the scheme's own code dictionary as {@code dictionary/<file>}
     * @param dictionaries the code dictionary sets the pack may name (a catalog's), when it brings none of its own
     */
    public static CompiledScheme compile(Map<String, String> tables, Function<String, CodeDictionary> dictionaries) {
        return new SchemeCompiler(tables).run(dictionaries);
    }

    private CompiledScheme run(Function<String, CodeDictionary> dictionaries) {
        Map<String, String> scheme = scheme();
        ObjectNode rules = JSON.createObjectNode();
        rules.put("scheme", scheme.getOrDefault("scheme", ""));
        rules.put("format", PackManifest.FORMAT);
        ObjectNode codeLists = new SchemeLists(this).read();
        ObjectNode drgs = drgs();
        ObjectNode mdcs = JSON.createObjectNode();
        ArrayNode order = mdcs(mdcs);
        ObjectNode adrgs = adrgs(mdcs, drgs);
        rules.set("mdcOrder", order);
        rules.set("mdcs", mdcs);
        rules.set("adrgs", adrgs);
        rules.set("drgs", drgs);
        rules.set("codeLists", codeLists);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cc.tsv", complications("CC"));
        files.put("mcc.tsv", complications("MCC"));
        files.put("cc_exclusion.tsv", twoColumns(SchemeTables.EXCLUSION, "principal_code", "exclusion_table"));
        files.put("or_procedures.tsv", twoColumns(SchemeTables.OR_PROCEDURES, "code", "name"));
        atomProblems.forEach(p -> problem(p.file(), p.where(), p.message()));
        RuleFileException.throwIfAny("分组方案表", problems);
        ObjectNode pack = JSON.createObjectNode();
        pack.put("id", scheme.get("id")).put("scheme", scheme.get("scheme")).put("region", scheme.getOrDefault("region", ""))
                .put("dictionary", scheme.get("dictionary")).put("format", PackManifest.FORMAT)
                .put("drgs", count(scheme, "drgs", drgs.size()))
                .put("adrgs", count(scheme, "adrgs", distinctCodes(adrgs)));
        try {
            files.put("pack.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pack));
            files.put("rules.json", JSON.writeValueAsString(rules));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        tables.forEach((name, text) -> {
            if (name.startsWith("dictionary/")) {
                files.put(name, text);
            }
        });
        return new CompiledScheme(load(files, dictionaries), files);
    }

    private RulePack load(Map<String, String> files, Function<String, CodeDictionary> dictionaries) {
        MemoryResourceTree tree = MemoryResourceTree.ofText(files, "编译结果");
        RulePackLoader loader = new RulePackLoader();
        boolean own = files.containsKey("dictionary/diagnoses.tsv");
        try {
            return loader.load(tree, set -> own ? loader.loadDictionary(set, tree.subtree("dictionary"))
                    : dictionaries.apply(set));
        } catch (RulePackException e) {
            List<RuleFileProblem> p = e.problems().stream()
                    .map(x -> new RuleFileProblem("编译后的 " + x.file(), x.where(), x.message())).toList();
            throw p.isEmpty() ? e : new RuleFileException("分组方案表", p);
        }
    }

    private Map<String, String> scheme() {
        Map<String, String> kv = new LinkedHashMap<>();
        TsvRows t = table(SchemeTables.SCHEME, List.of("key", "value"));
        if (t == null) {
            return kv;
        }
        t.rows().forEach(r -> kv.put(r.optional("key"), r.optional("value")));
        for (String k : List.of("id", "scheme", "dictionary")) {
            if (kv.getOrDefault(k, "").isEmpty()) {
                problem(SchemeTables.SCHEME, "", "缺少 " + k + "（方案 id、方案名称、编码字典）");
            }
        }
        return kv;
    }

    private ArrayNode mdcs(ObjectNode mdcs) {
        Map<Integer, String> order = new TreeMap<>();
        TsvRows t = table(SchemeTables.MDC, List.of("order", "mdc", "condition"));
        if (t != null) {
            for (TsvRows.Row r : t.rows()) {
                String mdc = r.optional("mdc");
                if (mdc.isEmpty() || mdcs.has(mdc)) {
                    problem(r, mdc.isEmpty() ? "mdc 不能为空" : "MDC " + mdc + " 重复");
                    continue;
                }
                ObjectNode n = mdcs.putObject(mdc);
                n.set("when", condition(r, "condition"));
                n.putArray("adrgs");
                if (!r.optional("order").isEmpty()) {
                    try {
                        if (order.put(Integer.parseInt(r.optional("order")), mdc) != null) {
                            problem(r, "order " + r.optional("order") + " 重复");
                        }
                    } catch (NumberFormatException e) {
                        problem(r, "order 应为整数，实际为 '" + r.optional("order") + "'");
                    }
                }
            }
        }
        ArrayNode a = JSON.createArrayNode();
        order.values().forEach(a::add);
        return a;
    }

    private ObjectNode adrgs(ObjectNode mdcs, ObjectNode drgs) {
        ObjectNode adrgs = JSON.createObjectNode();
        TsvRows t = table(SchemeTables.ADRG, List.of("mdc", "step", "rule", "adrg", "condition", "drgs", "fallback"));
        if (t == null) {
            return adrgs;
        }
        for (TsvRows.Row r : t.rows()) {
            String mdc = r.optional("mdc");
            if (!mdcs.has(mdc)) {
                problem(r, "MDC '" + mdc + "' 未在 " + SchemeTables.MDC + " 中定义");
                continue;
            }
            ArrayNode steps = (ArrayNode) mdcs.get(mdc).get("adrgs");
            String step = r.optional("step");
            String code = r.optional("adrg");
            JsonNode when = condition(r, "condition");
            if (step.equals(AMBIGUOUS_ANY) || step.equals(AMBIGUOUS_MAIN)) {
                String atom = step.equals(AMBIGUOUS_ANY) ? "anyProcIn" : "mainProcIn";
                if (when.size() != 1 || !when.get(0).has(atom) || code.isEmpty()) {
                    problem(r, "歧义检查应写成 condition = " + atom + "(列表)，adrg = 歧义组编码");
                    continue;
                }
                steps.addObject().put(step.equals(AMBIGUOUS_ANY) ? "ambiguousIfAnyProcIn" : "ambiguousIfMainProcIn",
                        when.get(0).get(atom).asText()).put("group", code);
            } else if (step.equals("adrg")) {
                String rule = r.optional("rule").isEmpty() ? code : r.optional("rule");
                if (code.isEmpty() || adrgs.has(rule)) {
                    problem(r, code.isEmpty() ? "adrg 不能为空" : "ADRG 规则 " + rule + " 重复");
                    continue;
                }
                steps.add(rule);
                ObjectNode n = adrgs.putObject(rule).put("code", code).put("mdc", mdc);
                n.set("when", when);
                ArrayNode list = n.putArray("drgs");
                for (String d : r.optional("drgs").split("[\\s,]+")) {
                    if (d.isEmpty()) {
                        continue;
                    }
                    if (!drgs.has(d)) {
                        problem(r, "DRG " + d + " 未在 " + SchemeTables.DRG + " 中定义");
                    }
                    list.add(d);
                }
                n.put("fallback", r.optional("fallback").isEmpty() ? code : r.optional("fallback"));
            } else {
                problem(r, "step 应为 adrg、" + AMBIGUOUS_ANY + " 或 " + AMBIGUOUS_MAIN + "，实际为 '" + step + "'");
            }
        }
        return adrgs;
    }

    private ObjectNode drgs() {
        ObjectNode drgs = JSON.createObjectNode();
        TsvRows t = table(SchemeTables.DRG, List.of("drg", "adrg", "name", "condition"));
        if (t != null) {
            for (TsvRows.Row r : t.rows()) {
                String drg = r.optional("drg");
                if (drg.isEmpty() || drgs.has(drg)) {
                    problem(r, drg.isEmpty() ? "drg 不能为空" : "DRG " + drg + " 重复");
                    continue;
                }
                // the name as written: some published names end in full-width spaces
                ObjectNode n = drgs.putObject(drg).put("adrg", r.optional("adrg"))
                        .put("name", r.cells().getOrDefault("name", ""));
                n.set("when", condition(r, "condition"));
            }
        }
        return drgs;
    }

    private String complications(String level) {
        StringBuilder out = new StringBuilder("code\texclusion_table\n");
        TsvRows t = table(SchemeTables.CC_MCC, List.of("code", "level", "exclusion_table"));
        if (t == null) {
            return out.toString();
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TsvRows.Row r : t.rows()) {
            String l = r.optional("level");
            if (!l.equals("CC") && !l.equals("MCC")) {
                if (level.equals("CC")) {
                    problem(r, "level 应为 CC 或 MCC，实际为 '" + l + "'");
                }
                continue;
            }
            if (!l.equals(level)) {
                continue;
            }
            String code = r.optional("code");
            String table = r.optional("exclusion_table");
            if (code.isEmpty() || table.isEmpty() || !seen.add(code)) {
                problem(r, code.isEmpty() || table.isEmpty() ? "code 与 exclusion_table 不能为空" : level + " " + code + " 重复");
                continue;
            }
            out.append(code).append('\t').append(table).append('\n');
        }
        return out.toString();
    }

    private String twoColumns(String file, String key, String value) {
        StringBuilder out = new StringBuilder(key + "\t" + value + "\n");
        TsvRows t = table(file, List.of(key, value));
        if (t == null) {
            return out.toString();
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TsvRows.Row r : t.rows()) {
            String k = r.optional(key);
            if (k.isEmpty() || !seen.add(k)) {
                problem(r, k.isEmpty() ? key + " 不能为空" : k + " 重复");
                continue;
            }
            out.append(k).append('\t').append(r.optional(value)).append('\n');
        }
        return out.toString();
    }

    /** A condition cell as a {@code when} array; a bad one is a problem and no condition. */
    private JsonNode condition(TsvRows.Row r, String column) {
        try {
            ArrayNode when = ConditionText.read(r.optional(column));
            new AtomParser(r.source(), atomProblems).parseAll(when, "第 " + r.line() + " 行 " + column);
            return when;
        } catch (IllegalArgumentException e) {
            problem(r, e.getMessage());
            return JSON.createArrayNode();
        }
    }

    /** A table with its header checked; {@code null} (and a problem) when missing or malformed. */
    TsvRows table(String file, List<String> columns) {
        String text = tables.get(file);
        if (text == null) {
            problem(file, "", "缺少此表");
            return null;
        }
        try {
            return TsvRows.parse(text, file, columns);
        } catch (HqdException e) {
            problem(file, "", e.getMessage());
            return null;
        }
    }

    void problem(TsvRows.Row r, String message) {
        problem(r.source(), "第 " + r.line() + " 行", message);
    }

    void problem(String file, String where, String message) {
        problems.add(new RuleFileProblem(file, where, message));
    }

    private int count(Map<String, String> scheme, String key, int computed) {
        try {
            return scheme.containsKey(key) ? Integer.parseInt(scheme.get(key)) : computed;
        } catch (NumberFormatException e) {
            problem(SchemeTables.SCHEME, key, "应为整数");
            return computed;
        }
    }

    private static int distinctCodes(ObjectNode adrgs) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        adrgs.forEach(n -> codes.add(n.path("code").asText()));
        return codes.size();
    }
}
