package org.hqd.synth;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hqd.HqdException;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.Money;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.evaluation.Comparison;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Target;
import org.hqd.evaluation.TargetSet;
import org.hqd.hospital.HospitalTier;

import static org.hqd.synth.BudgetInputs.*;
import static org.hqd.synth.BudgetItems.*;
import static org.hqd.synth.SyntheticBudget.*;

/**
 * A hospital's budget year in the making ({@link SyntheticBudget}): its actual amounts of the year (department →
 * [month 1–12][item] in fen) built to agree with its cases and facility reports, its reported values, and the budget,
 * actuals and performance targets written from them.
 */
final class HospitalBudgetYear {
    final String id;
    final TreeMap<Integer, Report> reports;
    final Map<String, long[][]> lines = new HashMap<>();
    final Map<Integer, Double> reportingValues = new TreeMap<>();
    final int n;
    /** How badly the hospital plans and reports its budget, 0 (well) to 1 (badly). */
    final double laxity;

    private HospitalBudgetYear(String id, TreeMap<Integer, Report> reports, int n, double laxity) {
        this.laxity = laxity;
        this.id = id;
        this.reports = reports;
        this.n = n;
    }

    static HospitalBudgetYear build(String id, TreeMap<Integer, Report> reports, Map<String, long[][]> inpatient,
                          BudgetItems items, SplittableRandom r, double laxity) {
        HospitalBudgetYear h = new HospitalBudgetYear(id, reports, items.size(), laxity);
        // The hospital's steady levels, drawn in a fixed order.
        double[] outpatientShares = new double[items.outpatient.size()];
        for (int k = 0; k < outpatientShares.length; k++) {
            String code = items.item(items.outpatient.get(k)).code();
            double typical = OUTPATIENT_SHARES.getOrDefault(code, OTHER_OUTPATIENT_SHARE);
            outpatientShares[k] = typical * uniform(r, 0.85, 1.15);
        }
        servesLikeWards(outpatientShares, items, inpatient);
        double researchShare = uniform(r, 0.02, 0.05);
        double otherShare = uniform(r, 0.03, 0.08);
        double depreciation = uniform(r, 0.06, 0.09);
        double amortisation = uniform(r, 0.003, 0.006);
        double maintenance = uniform(r, 0.015, 0.03);
        double riskFund = uniform(r, 0.001, 0.003);
        double administration = uniform(r, 0.05, 0.08);
        double researchSpending = uniform(r, 0.7, 0.95);
        double capital = uniform(r, 0.02, 0.05);
        List<String> clinical = new ArrayList<>(new TreeSet<>(inpatient.keySet()));
        for (Map.Entry<Integer, Report> e : reports.entrySet()) {
            int m = e.getKey();
            Report rep = e.getValue();
            double[] shares = new double[outpatientShares.length];
            for (int k = 0; k < shares.length; k++) {
                shares[k] = outpatientShares[k] * uniform(r, 0.97, 1.03);
            }
            double maintenanceNoise = uniform(r, 0.8, 1.2);
            double administrationNoise = uniform(r, 0.95, 1.05);
            double capitalNoise = uniform(r, 0.5, 1.5);
            double late = r.nextDouble();
            h.reportingValues.put(m, late < LATE_REPORT_CHANCE + LAX_LATE_REPORTS * laxity ? 0.9
                    : late > 1 - LAX_MISSING_REPORTS * laxity ? 0.0 : 1.0);

            // Inpatient revenue: the charges of the month's discharges, by department.
            List<String> active = new ArrayList<>();
            List<Long> revenue = new ArrayList<>();
            long inpatientTotal = 0;
            for (String d : clinical) {
                long[] a = inpatient.get(d)[m];
                long sum = 0;
                for (int i : items.inpatient) {
                    h.add(d, i, m, a[i]);
                    sum += a[i];
                }
                if (sum != 0) {
                    active.add(d);
                    revenue.add(sum);
                    inpatientTotal += sum;
                }
            }
            // Outpatient revenue: the rest of medical revenue. The generator makes medical revenue at least the
            // inpatient charges; with other input where the charges exceed it, outpatient revenue is zero and
            // the medical revenue items add up to more than the report's medical revenue.
            long outpatient = Math.max(0, rep.medical() - inpatientTotal);
            long[] parts = apportion(outpatient, shares);
            for (int k = 0; k < parts.length; k++) {
                h.add(OUTPATIENT, items.outpatient.get(k), m, parts[k]);
            }
            // Revenue beyond medical revenue: mostly 财政补助, with small shares of 科教收入 and 其他收入.
            long subsidy = rep.total() - rep.medical();
            long research = Math.round(subsidy * researchShare);
            long other = Math.round(subsidy * otherShare);
            long project = Math.round((subsidy - research - other) * PROJECT_SUBSIDY_SHARE);
            h.add(RESEARCH, items.of(RESEARCH_REVENUE), m, research);
            h.add(WHOLE, items.of(OTHER_REVENUE), m, other);
            h.add(WHOLE, items.of(FISCAL_PROJECT), m, project);
            h.add(WHOLE, items.of(FISCAL_BASIC), m, subsidy - research - other - project);

            // Staff spending over the clinical departments and 门诊部 by their revenue: the clinics are staffed as
            // the wards are (all at 全院 in a month without revenue).
            List<String> staffed = new ArrayList<>(active);
            List<Long> earned = new ArrayList<>(revenue);
            if (outpatient > 0) {
                staffed.add(OUTPATIENT);
                earned.add(outpatient);
            }
            if (staffed.isEmpty()) {
                h.add(WHOLE, items.of(STAFF), m, rep.staff());
            } else {
                long[] staff = apportion(rep.staff(), earned.stream().mapToDouble(Long::doubleValue).toArray());
                for (int k = 0; k < staff.length; k++) {
                    h.add(staffed.get(k), items.of(STAFF), m, staff[k]);
                }
            }
            h.add(LOGISTICS, items.of(ENERGY), m, rep.energy());

            // Drugs and materials bought for what each department sold.
            long available = rep.operating() - rep.staff() - rep.energy();
            List<String> goodsDepartments = new ArrayList<>();
            List<Integer> goodsItems = new ArrayList<>();
            List<Long> goods = new ArrayList<>();
            List<String> selling = new ArrayList<>(active);
            selling.add(OUTPATIENT);
            for (String d : selling) {
                long drugs = 0;
                long materials = 0;
                for (int i = 0; i < h.n; i++) {
                    String code = items.item(i).code();
                    if (DRUG_REVENUE.contains(code)) {
                        drugs += h.get(d, i, m);
                    } else if (MATERIAL_REVENUE.contains(code)) {
                        materials += h.get(d, i, m);
                    }
                }
                goodsDepartments.add(d);
                goodsItems.add(items.of(DRUG_EXPENSE));
                goods.add(percent(drugs, DRUG_COST_PERCENT));
                goodsDepartments.add(d);
                goodsItems.add(items.of(MATERIAL_EXPENSE));
                goods.add(percent(materials, MATERIAL_COST_PERCENT));
            }
            long goodsTotal = goods.stream().mapToLong(Long::longValue).sum();
            long[] bought = goods.stream().mapToLong(Long::longValue).toArray();
            if (goodsTotal > Math.max(0, available)) {
                // Never with the generator's reports (staff and energy leave about half of operating spending);
                // otherwise the goods are cut to what operating spending leaves, so that it still balances.
                bought = apportion(Math.max(0, available), goods.stream().mapToDouble(Long::doubleValue).toArray());
                goodsTotal = Math.max(0, available);
            }
            for (int k = 0; k < bought.length; k++) {
                h.add(goodsDepartments.get(k), goodsItems.get(k), m, bought[k]);
            }

            // Hospital-wide operating spending: at most 80 % of what is left, the rest is 其他商品和服务费用.
            long room = Math.max(0, available - goodsTotal);
            long[] fixed = {Math.round(rep.operating() * depreciation), Math.round(rep.operating() * amortisation),
                Math.round(rep.operating() * maintenance * maintenanceNoise), Math.round(rep.medical() * riskFund)};
            long fixedTotal = Arrays.stream(fixed).sum();
            if (fixedTotal > room * 0.8) {
                fixed = apportion((long) Math.floor(room * 0.8), Arrays.stream(fixed).asDoubleStream().toArray());
            }
            h.add(WHOLE, items.of(DEPRECIATION), m, fixed[0]);
            h.add(WHOLE, items.of(AMORTISATION), m, fixed[1]);
            h.add(WHOLE, items.of(MAINTENANCE), m, fixed[2]);
            h.add(WHOLE, items.of(RISK_FUND), m, fixed[3]);

            // Spending outside the evaluation measures.
            h.add(ADMINISTRATION, items.of(ADMINISTRATION_EXPENSE), m,
                    Math.round(rep.operating() * administration * administrationNoise));
            h.add(RESEARCH, items.of(RESEARCH_EXPENSE), m, Math.round(research * researchSpending));
            h.add(EQUIPMENT, items.of(CAPITAL), m, Math.round(rep.total() * capital * capitalNoise));

            // The balancing line: every operating_spending item of the catalogue adds up to the report's.
            h.add(WHOLE, items.of(OTHER_SPENDING), m, rep.operating() - items.measure(OPERATING, h.month(m)));
            h.check(m, rep, items, inpatientTotal <= rep.medical());
        }
        return h;
    }

    /** Whether the month's measures are the report's (the catalogue places the items as expected). */
    private void check(int m, Report rep, BudgetItems items, boolean medicalCovered) {
        long[] month = month(m);
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put(OPERATING, rep.operating());
        expected.put("staff_spending", rep.staff());
        expected.put("energy_spending", rep.energy());
        if (medicalCovered) {
            expected.put("medical_revenue", rep.medical());
            expected.put("total_revenue", rep.total());
        }
        expected.forEach((measure, value) -> {
            long actual = items.measure(measure, month);
            if (actual != value) {
                throw new HqdException("预算项目目录的度量（measures）与合成数据不一致：" + id + " " + m + " 月 " + measure
                        + " 合计 " + Money.yuan(actual) + "，机构月报为 " + Money.yuan(value));
            }
        });
    }

    void add(String department, int item, int month, long fen) {
        if (fen != 0) {
            lines.computeIfAbsent(department, k -> new long[13][n])[month][item] += fen;
        }
    }

    long get(String department, int item, int month) {
        long[][] d = lines.get(department);
        return d == null ? 0 : d[month][item];
    }

    /** All items of one month, summed over the departments. */
    long[] month(int m) {
        long[] out = new long[n];
        for (long[][] d : lines.values()) {
            for (int i = 0; i < n; i++) {
                out[i] += d[m][i];
            }
        }
        return out;
    }

    /** The departments with lines: clinical ones by name, then the cost centres. */
    List<String> departments() {
        List<String> out = new ArrayList<>();
        new TreeSet<>(lines.keySet()).stream().filter(d -> !CENTRES.contains(d)).forEach(out::add);
        CENTRES.stream().filter(lines::containsKey).forEach(out::add);
        return out;
    }

    long annual(String department, int item) {
        long sum = 0;
        for (int m : reports.keySet()) {
            sum += get(department, item, m);
        }
        return sum;
    }

    long writeActuals(int year, List<String> order, BudgetItems items, Writer out) throws IOException {
        long rows = 0;
        for (int m : reports.keySet()) {
            for (String d : order) {
                for (int i = 0; i < n; i++) {
                    long fen = get(d, i, m);
                    if (fen != 0) {
                        line(out, id, year, d, items.item(i).name(), m, fen);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    long writeBudget(int year, List<String> order, BudgetItems items, long seed, Writer out) throws IOException {
        long rows = 0;
        for (String d : order) {
            for (int i = 0; i < n; i++) {
                long actual = annual(d, i);
                if (actual == 0) {
                    continue;
                }
                BudgetKind kind = items.item(i).kind();
                double factor = BudgetPlan.lineFactor(seed, id, d, items.item(i).code(),
                        BudgetPlan.hospitalFactor(seed, id, kind, laxity));
                // Reports covering part of the year are scaled to twelve months.
                long yuan = Math.round(actual * 12.0 / reports.size() * factor / 100.0);
                if (yuan == 0) {
                    yuan = actual > 0 ? 1 : -1;
                }
                long monthly = Math.floorDiv(yuan, 12);
                for (int m = 1; m <= 12; m++) {
                    long amount = m == 12 ? yuan - 11 * monthly : monthly;
                    line(out, id, year, d, items.item(i).name(), m, amount * 100);
                    rows++;
                }
            }
        }
        return rows;
    }

    long writeTargets(int year, Optional<HospitalTier> tier, BudgetItems items, IndicatorCatalog indicators,
                      TargetSet tierTargets, Writer targets, Writer values) throws IOException {
        // QUANTITY: the execution of the largest inpatient revenue line (outpatient if there are no cases).
        String department = OUTPATIENT;
        int item = items.outpatient.get(0);
        long largest = 0;
        for (String d : departments()) {
            if (!CENTRES.contains(d)) {
                for (int i : items.inpatient) {
                    if (annual(d, i) > largest) {
                        department = d;
                        item = i;
                        largest = annual(d, i);
                    }
                }
            }
        }
        if (largest == 0) {
            for (int i : items.outpatient) {
                if (annual(OUTPATIENT, i) > largest) {
                    item = i;
                    largest = annual(OUTPATIENT, i);
                }
            }
        }
        String itemName = items.item(item).name();
        Indicator cmi = indicator(indicators, "cmi");
        Indicator personnel = indicator(indicators, "personnel_cost_share");
        double cmiTarget = tierTargets.applicable(cmi.id(), tier, year).map(Target::value).orElse(1.0);
        target(targets, year, department, itemName, PerformanceDimension.QUANTITY, department + itemName + "执行率",
                Comparison.GE, 0.9, "比率", 20, PerformanceTarget.EXECUTION_RATE);
        target(targets, year, WHOLE, "", PerformanceDimension.QUALITY, cmi.name(), Comparison.GE, cmiTarget, "",
                25, PerformanceTarget.INDICATOR + cmi.id());
        target(targets, year, FINANCE, "", PerformanceDimension.TIMELINESS, REPORTING_TARGET, Comparison.GE, 1.0,
                "比率", 10, PerformanceTarget.MANUAL);
        target(targets, year, WHOLE, "", PerformanceDimension.COST, "全院预算执行率", Comparison.LE, 1.0, "比率", 25,
                PerformanceTarget.EXECUTION_RATE);
        target(targets, year, WHOLE, "", PerformanceDimension.BENEFIT, personnel.name(), Comparison.GE, 0.35, "比率",
                20, PerformanceTarget.INDICATOR + personnel.id());
        for (Map.Entry<Integer, Double> v : reportingValues.entrySet()) {
            row(values, id, Integer.toString(year), REPORTING_TARGET, Integer.toString(v.getKey()),
                    plain(v.getValue()));
        }
        return 5;
    }

    private void target(Writer out, int year, String department, String item, PerformanceDimension dimension,
                        String name, Comparison comparison, double target, String unit, double weight,
                        String source) throws IOException {
        row(out, id, Integer.toString(year), department, item, dimension.name(), name, comparison.name(),
                plain(target), unit, plain(weight), source);
    }
}
