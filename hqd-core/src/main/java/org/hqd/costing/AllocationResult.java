package org.hqd.costing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hqd.budget.Money;

/**
 * The allocated costs of one hospital's year: every unit's cost, every transfer with its driver (the trace of why),
 * the levels with their conservation check, and the total direct cost (fen).
 */
public record AllocationResult(String hospitalId, int year, String rulesId, List<UnitCost> units,
                               List<Transfer> transfers, List<AllocationStep> steps, long totalDirect,
                               DriverExpression split) {
    public AllocationResult {
        units = List.copyOf(units);
        transfers = List.copyOf(transfers);
        steps = List.copyOf(steps);
    }

    /** One line per department, in allocation order (class, then name). */
    public List<DepartmentCost> departments() {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, CostClass> classes = new LinkedHashMap<>();
        for (UnitCost u : units) {
            long[] s = sums.computeIfAbsent(u.department(), k -> new long[6]);
            classes.put(u.department(), u.costClass());
            s[0] += u.direct();
            s[1] += u.allocatedIn();
            s[2] += u.allocatedOut();
            s[3] += u.full();
            if (u.setting() == Setting.OUTPATIENT) {
                s[4] += u.full();
            } else if (u.setting() == Setting.INPATIENT) {
                s[5] += u.full();
            }
        }
        List<DepartmentCost> out = new ArrayList<>();
        sums.forEach((d, s) -> out.add(new DepartmentCost(d, classes.get(d), s[0], s[1], s[2], s[3], s[4], s[5])));
        return out;
    }

    /** The sum of the clinical units' full costs; equals {@link #totalDirect()}. */
    public long clinicalFull() {
        return units.stream().filter(u -> u.costClass() == CostClass.CLINICAL).mapToLong(UnitCost::full).sum();
    }

    public Optional<UnitCost> unit(String department, Setting setting) {
        return units.stream().filter(u -> u.department().equals(department) && u.setting() == setting).findFirst();
    }

    /** Why a department's costs are what they are, in Chinese, one line per source (empty for an unknown one). */
    public List<String> explain(String department, Function<String, String> itemNames) {
        List<UnitCost> own = units.stream().filter(u -> u.department().equals(department)).toList();
        if (own.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        CostClass cls = own.get(0).costClass();
        boolean clinical = cls == CostClass.CLINICAL;
        long direct = own.stream().mapToLong(UnitCost::direct).sum();
        out.add(department + "（" + cls.label() + "）直接成本 " + Money.yuan(direct) + " 元"
                + (clinical ? "：" + bySetting(own, UnitCost::direct) + "（按 " + split.label() + " 划分）" : ""));
        Map<String, long[]> in = new LinkedHashMap<>();
        Map<String, Transfer> first = new LinkedHashMap<>();
        for (Transfer t : transfers) {
            if (t.to().equals(department)) {
                String key = t.level() + "\u0001" + t.from() + "\u0001" + t.item();
                long[] s = in.computeIfAbsent(key, k -> new long[2]);
                s[t.toSetting() == Setting.OUTPATIENT ? 0 : 1] += t.amount();
                first.putIfAbsent(key, t);
            }
        }
        in.forEach((key, s) -> {
            Transfer t = first.get(key);
            out.add(levelName(t.level()) + "：自 " + t.from() + " 分入" + itemNames.apply(t.item()) + " "
                    + Money.yuan(s[0] + s[1]) + " 元（" + t.driver() + " " + t.weight().toPlainString() + " / 合计 "
                    + t.totalWeight().toPlainString() + "）" + (clinical ? "：门诊 " + Money.yuan(s[0]) + "，住院 "
                    + Money.yuan(s[1]) : ""));
        });
        Map<String, long[]> outgoing = new LinkedHashMap<>();
        Map<String, Transfer> sample = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> to = new LinkedHashMap<>();
        for (Transfer t : transfers) {
            if (t.from().equals(department)) {
                String key = t.level() + "\u0001" + t.item();
                outgoing.computeIfAbsent(key, k -> new long[1])[0] += t.amount();
                sample.putIfAbsent(key, t);
                to.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(t.to());
            }
        }
        outgoing.forEach((key, s) -> {
            Transfer t = sample.get(key);
            out.add(levelName(t.level()) + "：分出" + itemNames.apply(t.item()) + " " + Money.yuan(s[0]) + " 元，按 "
                    + t.driver() + " 分给 " + to.get(key).size() + " 个科室");
        });
        long full = own.stream().mapToLong(UnitCost::full).sum();
        out.add("全成本 " + Money.yuan(full) + " 元" + (clinical ? "：" + bySetting(own, UnitCost::full) : ""));
        return out;
    }

    private static String bySetting(List<UnitCost> units, java.util.function.ToLongFunction<UnitCost> f) {
        List<String> parts = new ArrayList<>();
        for (UnitCost u : units) {
            parts.add(u.setting().label() + " " + Money.yuan(f.applyAsLong(u)));
        }
        return String.join("，", parts);
    }

    static String levelName(int level) {
        return switch (level) {
            case 1 -> "一级分摊";
            case 2 -> "二级分摊";
            case 3 -> "三级分摊";
            default -> level + " 级分摊";
        };
    }
}
