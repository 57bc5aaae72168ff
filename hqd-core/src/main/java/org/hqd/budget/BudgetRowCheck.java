package org.hqd.budget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of a budget or actuals file's rows ({@code hospital_id, year, department, item, month, amount}): a
 * known hospital, a year, a month 1–12, a department the hospital has, an item of the catalogue (code or name), an
 * amount in yuan; a second row for the same hospital, year, department, item and month is a duplicate. A row that
 * fails is kept aside with every reason; the others go through.
 */
public final class BudgetRowCheck {
    public static final List<String> COLUMNS = List.of("hospital_id", "year", "department", "item", "month", "amount");

    /** Each refusal's name as users read it (the ids are what the rejects files and scripts use). */
    public static final Map<String, String> RULE_NAMES = Map.of("UNKNOWN_HOSPITAL", "医院不在名册中",
            "BAD_YEAR", "年度无效", "BAD_MONTH", "月份无效", "UNKNOWN_DEPARTMENT", "科室不是该院的科室或成本中心",
            "UNKNOWN_ITEM", "项目不在预算项目目录中", "BAD_AMOUNT", "金额无效", "DUPLICATE", "重复行",
            "CLOSED_YEAR", "年度已决算", "MONTH_INCOMPLETE", "同月有被拒收的行，本月未替换");

    /** A row of the file as read: its cells by column and its line number. */
    public record RawRow(int line, Map<String, String> cells) {
        public String cell(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    /** A row kept aside, with its reasons (rule id and message). */
    public record Rejected(RawRow row, List<String> ruleIds, List<String> messages) { }

    public record Result(List<BudgetLine> accepted, List<Rejected> rejected) {
        /** How many rows each rule rejected. */
        public Map<String, Integer> countsByRule() {
            Map<String, Integer> out = new LinkedHashMap<>();
            rejected.forEach(r -> r.ruleIds().forEach(id -> out.merge(id, 1, Integer::sum)));
            return out;
        }
    }

    private final BudgetCatalog catalog;
    private final Set<String> hospitals;
    private final Function<String, Set<String>> departments;

    /**
     * @param hospitals the hospitals of the store
     * @param departments a hospital's departments (its clinical departments and registered ones; the catalogue's
     *                    cost centres are added here)
     */
    public BudgetRowCheck(BudgetCatalog catalog, Set<String> hospitals, Function<String, Set<String>> departments) {
        this.catalog = catalog;
        this.hospitals = hospitals;
        this.departments = departments;
    }

    public Result check(List<RawRow> rows) {
        List<BudgetLine> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Set<String>> depts = new HashMap<>();
        for (RawRow r : rows) {
            List<String> ids = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            String hospital = r.cell("hospital_id");
            if (!hospitals.contains(hospital)) {
                ids.add("UNKNOWN_HOSPITAL");
                messages.add(hospital.isEmpty() ? "缺少医院编码" : "医院编码 " + hospital + " 不在医院名册中");
            }
            int year = number(r.cell("year"), 2000, 2100);
            if (year < 0) {
                ids.add("BAD_YEAR");
                messages.add("年度应为 2000–2100 的四位数字，实际为 '" + r.cell("year") + "'");
            }
            int month = number(r.cell("month"), 1, 12);
            if (month < 0) {
                ids.add("BAD_MONTH");
                messages.add("月份应为 1–12，实际为 '" + r.cell("month") + "'");
            }
            String department = r.cell("department");
            if (hospitals.contains(hospital) && !depts.computeIfAbsent(hospital, this::departmentsOf).contains(department)) {
                ids.add("UNKNOWN_DEPARTMENT");
                messages.add(department.isEmpty() ? "缺少科室（成本中心）"
                        : "科室 " + department + " 不是医院 " + hospital + " 的科室或成本中心");
            }
            var item = catalog.item(r.cell("item"));
            if (item.isEmpty()) {
                ids.add("UNKNOWN_ITEM");
                messages.add(r.cell("item").isEmpty() ? "缺少预算项目" : "预算项目 " + r.cell("item") + " 不在项目目录中");
            }
            OptionalLong amount = Money.parse(r.cell("amount"));
            if (amount.isEmpty()) {
                ids.add("BAD_AMOUNT");
                messages.add("金额应为以元为单位、最多两位小数的数字，实际为 '" + r.cell("amount") + "'");
            }
            if (ids.isEmpty()) {
                BudgetLine line = new BudgetLine(hospital, year, department, item.get().code(), month, amount.getAsLong());
                Integer first = seen.putIfAbsent(line.key(), r.line());
                if (first != null) {
                    ids.add("DUPLICATE");
                    messages.add("与第 " + first + " 行重复（同一医院、年度、科室、项目和月份）");
                } else {
                    accepted.add(line);
                    continue;
                }
            }
            rejected.add(new Rejected(r, ids, messages));
        }
        return new Result(accepted, rejected);
    }

    private Set<String> departmentsOf(String hospital) {
        Set<String> all = new java.util.HashSet<>(departments.apply(hospital));
        all.addAll(catalog.costCentres());
        return all;
    }

    private static int number(String text, int min, int max) {
        if (!text.matches("\\d{1,4}")) {
            return -1;
        }
        int v = Integer.parseInt(text);
        return v < min || v > max ? -1 : v;
    }
}
