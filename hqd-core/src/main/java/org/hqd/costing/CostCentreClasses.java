package org.hqd.costing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.HqdException;
import org.hqd.TsvRows;

/**
 * The class of each department of a hospital: the default of the cost-centre catalogue (column {@code cost_class} of
 * {@code org/hqd/budget/cost-centres.tsv}), 临床服务类 for a department the catalogue does not list (the clinical
 * departments of the abstracts), and the hospital's own overrides ({@code hqd costing classes}) above both.
 */
public final class CostCentreClasses {
    private static final String CATALOGUE = "/org/hqd/budget/cost-centres.tsv";

    private final Map<String, CostClass> defaults;
    private final Map<String, CostClass> overrides;

    private CostCentreClasses(Map<String, CostClass> defaults, Map<String, CostClass> overrides) {
        this.defaults = Map.copyOf(defaults);
        this.overrides = Map.copyOf(overrides);
    }

    /** The catalogue's defaults, no overrides. */
    public static CostCentreClasses standard() {
        try (InputStream in = CostCentreClasses.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new HqdException("缺少内置的成本中心目录 " + CATALOGUE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "cost-centres.tsv");
        } catch (IOException e) {
            throw new HqdException("无法读取内置的成本中心目录 " + CATALOGUE, e);
        }
    }

    /** Defaults from a cost-centre catalogue's text (columns {@code name, cost_class}). */
    public static CostCentreClasses parse(String text, String source) {
        Map<String, CostClass> out = new LinkedHashMap<>();
        List<CostingProblem> problems = new ArrayList<>();
        for (TsvRows.Row r : TsvRows.parse(text, source, List.of("name", "cost_class")).rows()) {
            String c = r.optional("cost_class");
            CostClass.of(c).ifPresentOrElse(k -> out.put(r.optional("name"), k), () -> problems.add(new CostingProblem(
                    source, "第 " + r.line() + " 行", "cost_class 应为 " + labels() + "，实际为 '" + c + "'")));
        }
        if (!problems.isEmpty()) {
            throw new CostingException("成本中心目录 " + source + " 不能使用", problems);
        }
        return new CostCentreClasses(out, Map.of());
    }

    /** These defaults with a hospital's overrides (department → class). */
    public CostCentreClasses withOverrides(Map<String, CostClass> hospitalOverrides) {
        return new CostCentreClasses(defaults, hospitalOverrides);
    }

    public CostClass classOf(String department) {
        CostClass o = overrides.get(department);
        if (o != null) {
            return o;
        }
        return defaults.getOrDefault(department, CostClass.CLINICAL);
    }

    /** Whether the hospital set this department's class itself. */
    public boolean overridden(String department) {
        return overrides.containsKey(department);
    }

    /** The catalogue's cost centres with their default class. */
    public Map<String, CostClass> defaults() {
        return defaults;
    }

    static String labels() {
        List<String> l = new ArrayList<>();
        for (CostClass c : CostClass.values()) {
            l.add(c.label());
        }
        return String.join("、", l);
    }
}
