package org.hqd.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Stepwise allocation (三级分摊) of one hospital's year, item by item (分项结转), in fen.
 *
 * <ol>
 *   <li>A clinical department's direct cost of each item is divided between its 门诊 and 住院 units by the rules'
 *       split basis (e.g. 门急诊医疗收入 : 住院医疗收入).</li>
 *   <li>Level by level — 行政后勤类, then 医疗辅助类, then 医疗技术类 — each department of the level, in name order,
 *       sends its whole balance of each item (direct plus what it received at earlier levels) to the departments
 *       of the later classes, in proportion to their value of the driver its rule names
 *       ({@link CostingRules#ruleFor}); departments of one class send nothing to each other.</li>
 *   <li>A clinical department's share is divided between its units: a driver of scope 门诊 or 住院 counts for that
 *       unit, a driver of the whole department by the split basis.</li>
 * </ol>
 * Every division is {@link Apportion} (largest remainder), so the clinical units' full costs add up to the direct
 * costs of all departments exactly, after every level. A cost that cannot be sent — no receiver has a value of the
 * driver, or a clinical department has no split basis — is a problem; all problems are reported together and there
 * is no result.
 */
public final class Allocation {
    private final CostingInput in;
    private final List<String> items;
    private final List<String> departments;
    private final Map<String, Map<Setting, long[]>> balance = new LinkedHashMap<>();
    private final Map<String, Map<Setting, long[]>> direct = new LinkedHashMap<>();
    private final Map<String, Map<Setting, long[]>> received = new LinkedHashMap<>();
    private final Map<String, long[]> sent = new LinkedHashMap<>();
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<AllocationStep> steps = new ArrayList<>();
    private final java.util.Set<CostingProblem> problems = new java.util.LinkedHashSet<>();
    /** A clinical department's 门诊/住院 weights per driver expression (null: no split basis), computed once. */
    private final Map<DriverExpression, Map<String, java.util.Optional<BigDecimal[]>>> splits =
            new java.util.IdentityHashMap<>();

    private Allocation(CostingInput in) {
        this.in = in;
        TreeSet<String> it = new TreeSet<>();
        in.directCosts().values().forEach(m -> m.keySet().stream().filter(in.rules()::isCost).forEach(it::add));
        this.items = List.copyOf(it);
        this.departments = in.classes().keySet().stream()
                .sorted(Comparator.comparing((String d) -> in.classes().get(d)).thenComparing(d -> d)).toList();
        for (String d : departments) {
            Map<Setting, long[]> b = new LinkedHashMap<>();
            Map<Setting, long[]> r = new LinkedHashMap<>();
            for (Setting s : settings(d)) {
                b.put(s, new long[items.size()]);
                r.put(s, new long[items.size()]);
            }
            balance.put(d, b);
            received.put(d, r);
            sent.put(d, new long[items.size()]);
        }
    }

    /** Allocates; throws {@link CostingException} with every problem when some cost cannot be allocated. */
    public static AllocationResult run(CostingInput in) {
        return new Allocation(in).allocate();
    }

    private AllocationResult allocate() {
        long total = placeDirectCosts();
        for (CostClass sender : CostClass.values()) {
            if (sender.sends()) {
                long moved = 0;
                for (String d : departments) {
                    if (in.classes().get(d) == sender) {
                        moved += send(d, sender);
                    }
                }
                long after = balance.values().stream().flatMap(m -> m.values().stream())
                        .mapToLong(a -> java.util.Arrays.stream(a).sum()).sum();
                if (after != total) {
                    throw new IllegalStateException("allocation lost money at level " + sender.level());
                }
                steps.add(new AllocationStep(sender.level(), sender, moved, after));
            }
        }
        if (!problems.isEmpty()) {
            throw new CostingException(in.label() + "的成本无法分摊", List.copyOf(problems));
        }
        return new AllocationResult(in.hospitalId(), in.year(), in.rules().id(), units(), transfers, steps, total,
                in.rules().split());
    }

    private List<Setting> settings(String department) {
        return in.classes().get(department) == CostClass.CLINICAL ? List.of(Setting.OUTPATIENT, Setting.INPATIENT)
                : List.of(Setting.WHOLE);
    }

    /** Puts each department's direct cost on its unit(s); returns the total. */
    private long placeDirectCosts() {
        long total = 0;
        for (String d : departments) {
            Map<String, Long> costs = in.directCosts().getOrDefault(d, Map.of());
            Map<Setting, long[]> units = new LinkedHashMap<>();
            balance.get(d).forEach((s, a) -> units.put(s, new long[items.size()]));
            for (int i = 0; i < items.size(); i++) {
                long amount = costs.getOrDefault(items.get(i), 0L);
                total += amount;
                if (amount == 0) {
                    continue;
                }
                if (units.size() == 1) {
                    units.get(Setting.WHOLE)[i] = amount;
                    continue;
                }
                BigDecimal[] basis = split(d, in.rules().split(), "直接成本");
                if (basis == null) {
                    basis = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ONE}; // reported; keeps the sums whole
                }
                long[] parts = Apportion.of(amount, basis);
                units.get(Setting.OUTPATIENT)[i] = parts[0];
                units.get(Setting.INPATIENT)[i] = parts[1];
            }
            direct.put(d, units);
            units.forEach((s, a) -> System.arraycopy(a, 0, balance.get(d).get(s), 0, a.length));
        }
        return total;
    }

    /**
     * A clinical department's weights of its 门诊 and 住院 units for a driver expression: the terms of each unit's
     * scope, plus the whole-department terms divided by the split basis. Null (and a problem) when there is nothing
     * to divide by.
     */
    private BigDecimal[] split(String d, DriverExpression e, String what) {
        Map<String, BigDecimal> v = in.driversOf(d);
        DriverExpression basis = in.rules().split();
        BigDecimal so = basis.sum(v, Setting.OUTPATIENT);
        BigDecimal si = basis.sum(v, Setting.INPATIENT);
        BigDecimal s = so.add(si);
        BigDecimal o = e.sum(v, Setting.OUTPATIENT);
        BigDecimal i = e.sum(v, Setting.INPATIENT);
        BigDecimal w = e.sum(v, Setting.WHOLE);
        // proportional weights; the products only when the expression mixes unit and whole-department terms
        BigDecimal[] out;
        if (w.signum() == 0 || s.signum() == 0) {
            out = new BigDecimal[] {o, i};
        } else if (o.signum() == 0 && i.signum() == 0) {
            out = new BigDecimal[] {so, si};
        } else {
            out = new BigDecimal[] {o.multiply(s).add(w.multiply(so)), i.multiply(s).add(w.multiply(si))};
        }
        if (out[0].signum() == 0 && out[1].signum() == 0) {
            problems.add(new CostingProblem(in.label(), d, "临床科室的" + what + "无法划分门诊与住院：没有 " + basis.id()
                    + " 的值（在分摊参数文件中为它填写）"));
            return null;
        }
        return out;
    }

    /** Sends every item's balance of a department on; returns the amount sent. */
    private long send(String d, CostClass cls) {
        long moved = 0;
        long[] b = balance.get(d).get(Setting.WHOLE);
        List<String> receivers = departments.stream().filter(r -> in.classes().get(r).receivesFrom(cls)).toList();
        Map<CostingRules.Rule, BigDecimal[]> weights = new java.util.IdentityHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            long amount = b[i];
            if (amount == 0) {
                continue;
            }
            CostingRules.Rule rule = in.rules().ruleFor(cls, d, items.get(i));
            BigDecimal[] w = weights.computeIfAbsent(rule, r -> {
                BigDecimal[] x = new BigDecimal[receivers.size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = r.driver().sum(in.driversOf(receivers.get(k)));
                }
                return x;
            });
            BigDecimal total = BigDecimal.ZERO;
            for (BigDecimal x : w) {
                total = total.add(x);
            }
            if (total.signum() == 0) {
                problems.add(new CostingProblem(in.label(), d, cls.label() + "科室的" + in.rules().itemName(items.get(i)) + " "
                        + org.hqd.budget.Money.yuan(amount) + " 元无法分摊：接收科室（" + receiverClasses(cls)
                        + "）都没有 " + rule.driver().label() + "（" + rule.driver().id() + "） 的值"));
                continue;
            }
            String driver = rule.driver().id();
            long[] parts = Apportion.of(amount, w);
            for (int k = 0; k < parts.length; k++) {
                if (parts[k] != 0) {
                    receive(receivers.get(k), i, parts[k], new Transfer(cls.level(), d, items.get(i), receivers.get(k),
                            Setting.WHOLE, 0, driver, w[k], total), rule.driver());
                }
            }
            b[i] = 0;
            sent.get(d)[i] += amount;
            moved += amount;
        }
        return moved;
    }

    private void receive(String d, int item, long amount, Transfer t, DriverExpression driver) {
        if (in.classes().get(d) != CostClass.CLINICAL) {
            add(d, Setting.WHOLE, item, amount, t);
            return;
        }
        BigDecimal[] w = splits.computeIfAbsent(driver, e -> new java.util.HashMap<>())
                .computeIfAbsent(d, x -> java.util.Optional.ofNullable(split(x, driver, "分摊所得"))).orElse(null);
        long[] parts = Apportion.of(amount, w == null ? new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ONE} : w);
        add(d, Setting.OUTPATIENT, item, parts[0], t);
        add(d, Setting.INPATIENT, item, parts[1], t);
    }

    private void add(String d, Setting s, int item, long amount, Transfer t) {
        if (amount == 0) {
            return;
        }
        balance.get(d).get(s)[item] += amount;
        received.get(d).get(s)[item] += amount;
        transfers.add(new Transfer(t.level(), t.from(), t.item(), d, s, amount, t.driver(), t.weight(), t.totalWeight()));
    }

    private static String receiverClasses(CostClass sender) {
        List<String> l = new ArrayList<>();
        for (CostClass c : CostClass.values()) {
            if (c.receivesFrom(sender)) {
                l.add(c.label());
            }
        }
        return String.join("、", l);
    }

    private List<UnitCost> units() {
        List<UnitCost> out = new ArrayList<>();
        for (String d : departments) {
            for (Setting s : settings(d)) {
                long dir = java.util.Arrays.stream(direct.get(d).get(s)).sum();
                long rec = java.util.Arrays.stream(received.get(d).get(s)).sum();
                long snt = s == Setting.WHOLE ? java.util.Arrays.stream(sent.get(d)).sum() : 0;
                Map<String, Long> full = new LinkedHashMap<>();
                long[] b = balance.get(d).get(s);
                for (int i = 0; i < items.size(); i++) {
                    if (b[i] != 0) {
                        full.put(items.get(i), b[i]);
                    }
                }
                out.add(new UnitCost(d, in.classes().get(d), s, dir, rec, snt, full));
            }
        }
        return out;
    }
}
