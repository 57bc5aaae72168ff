package org.hqd.budget;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.TsvRows;

/**
 * The budget items ({@code budget-items.tsv}) and the cost centres every hospital has ({@code cost-centres.tsv}).
 * An item is found by its code or its name, so a finance system's export by name reads as well as one by code.
 */
public final class BudgetCatalog {
    public static final Set<String> MEASURES = Set.of("total_revenue", "medical_revenue", "medical_service_revenue",
            "operating_spending", "staff_spending", "energy_spending", "outpatient_revenue", "inpatient_revenue",
            "outpatient_drug_revenue", "inpatient_drug_revenue", "material_revenue", "total_expenses",
            "medical_expenses");

    /** The type of the cost centre that stands for the hospital as a whole (cost-centres.tsv). */
    static final String WHOLE_HOSPITAL_TYPE = "HOSPITAL";

    private final String id;
    private final Map<String, BudgetItem> byCode = new LinkedHashMap<>();
    private final Map<String, BudgetItem> byName = new LinkedHashMap<>();
    private final Set<String> costCentres;
    private final Set<String> wholeHospital;

    private BudgetCatalog(String id, List<BudgetItem> items, Set<String> costCentres, Set<String> wholeHospital) {
        this.id = id;
        for (BudgetItem i : items) {
            byCode.put(i.code(), i);
            byName.put(i.name(), i);
        }
        this.costCentres = Set.copyOf(costCentres);
        this.wholeHospital = Set.copyOf(wholeHospital);
    }

    public static BudgetCatalog standard() {
        return parse(resource("budget-items.tsv"), "budget-items.tsv", resource("cost-centres.tsv"), "cost-centres.tsv");
    }

    static String resource(String name) {
        try (InputStream in = BudgetCatalog.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new HqdException("无法读取内置的预算数据 " + name, e);
        }
    }

    public static BudgetCatalog parse(String items, String itemsSource, String centres, String centresSource) {
        TsvRows t = TsvRows.parse(items, itemsSource, List.of("code", "name", "kind", "category", "measures"));
        List<BudgetItem> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TsvRows.Row r : t.rows()) {
            BudgetKind kind;
            try {
                kind = BudgetKind.valueOf(r.get("kind"));
            } catch (IllegalArgumentException e) {
                throw r.error("kind 应为 REVENUE 或 EXPENDITURE，实际为 '" + r.get("kind") + "'");
            }
            Set<String> measures = new LinkedHashSet<>();
            for (String m : r.optional("measures").split(",")) {
                if (!m.isBlank()) {
                    if (!MEASURES.contains(m.strip())) {
                        throw r.error("measures 中的 '" + m.strip() + "' 不是可用的度量（" + String.join("、", MEASURES) + "）");
                    }
                    measures.add(m.strip());
                }
            }
            if (!seen.add(r.get("code")) || !seen.add(r.get("name"))) {
                throw r.error("项目编码或名称重复：" + r.get("code") + " " + r.get("name"));
            }
            Set<String> charges = new LinkedHashSet<>();
            for (String ch : r.optional("case_charges").split(",")) {
                if (!ch.isBlank()) {
                    if (!ch.strip().matches("cost_[a-z_]+")) {
                        throw r.error("case_charges 中的 '" + ch.strip() + "' 不是病案首页的费用列（cost_…）");
                    }
                    charges.add(ch.strip());
                }
            }
            out.add(new BudgetItem(r.get("code"), r.get("name"), kind, r.get("category"), measures, charges));
        }
        Set<String> cc = new LinkedHashSet<>();
        Set<String> whole = new LinkedHashSet<>();
        for (TsvRows.Row r : TsvRows.parse(centres, centresSource, List.of("name")).rows()) {
            cc.add(r.get("name"));
            if (WHOLE_HOSPITAL_TYPE.equals(r.optional("type"))) {
                whole.add(r.get("name"));
            }
        }
        return new BudgetCatalog(t.properties().getOrDefault("id", itemsSource), out, cc, whole);
    }

    public String id() {
        return id;
    }

    /** The item with this code or name. */
    public Optional<BudgetItem> item(String codeOrName) {
        String k = codeOrName == null ? "" : codeOrName.strip();
        return Optional.ofNullable(byCode.getOrDefault(k, byName.get(k)));
    }

    public List<BudgetItem> items() {
        return List.copyOf(byCode.values());
    }

    /** The position of an item in the catalogue, for ordering reports. */
    public int order(String code) {
        return Arrays.asList(byCode.keySet().toArray(String[]::new)).indexOf(code);
    }

    /** Cost centres every hospital has (全院, 院办公室, 财务科, …). */
    public Set<String> costCentres() {
        return costCentres;
    }

    /**
     * Whether a department is the hospital as a whole (the cost centre of type {@code HOSPITAL}, 全院): a target of it
     * is the hospital's, over every department's lines.
     */
    public boolean isWholeHospital(String department) {
        return wholeHospital.contains(department);
    }
}
