package org.hqd.app.costing;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.costing.AllocationResult;
import org.hqd.costing.CasePools;
import org.hqd.costing.ClassOverride;
import org.hqd.costing.CostRatio;
import org.hqd.costing.CostingException;
import org.hqd.costing.CostingProblem;
import org.hqd.costing.CostingRules;
import org.hqd.costing.CostingRun;
import org.hqd.costing.CostingSummary;
import org.hqd.costing.DriverCatalog;
import org.hqd.costing.DriverFileCheck;
import org.hqd.costing.ItemCost;
import org.hqd.costing.OverrideFileCheck;
import org.hqd.io.table.TableFile;
import org.hqd.payment.CostLevel;
import org.hqd.payment.UnitCostOutput;
import org.hqd.store.DataDirectory;
import org.hqd.store.Transaction;
import org.hqd.store.costing.CostingInputs;
import org.hqd.store.costing.CostingLoads;
import org.hqd.store.costing.CostingResults;
import org.hqd.store.query.CostOutputQuery;

/**
 * The cost accounting's use cases: loading drivers, class overrides, item costs and rule sets (each file whole or not
 * at all, with every problem), costing hospitals' years (allocation and case costs, stored together, all hospitals
 * or none), and reading the results. Every change is one transaction with its audit entry.
 */
public final class CostingService {
    private final DataAccess data;
    private final Clock clock;
    private final BudgetCatalog items = BudgetCatalog.standard();
    private final DriverCatalog drivers = DriverCatalog.standard();
    private final CasePools pools = CasePools.standard(items);

    public CostingService(DataAccess data, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private CostingInputs inputs(DataDirectory dir) {
        return new CostingInputs(dir, items, drivers);
    }

    /** Drivers of hospitals' years ({@code hospital_id,year,department,driver,value}); replaces each hospital-year. */
    public Loaded loadDrivers(Actor actor, String name, byte[] bytes, Charset charset) {
        return data.with(dir -> {
            List<BudgetRowCheck.RawRow> rows = rows(name, bytes, charset, DriverFileCheck.COLUMNS);
            DriverFileCheck.Result r = new DriverFileCheck(drivers, inputs(dir).checkContext()).check(name, rows);
            refuseIfBad(name, r.problems());
            return write(dir, actor, "载入分摊参数", name, rows.size(), (at) -> new CostingLoads(dir).loadDrivers(name,
                    sha256(bytes), r.values(), actor.name(), at).changes());
        });
    }

    /** Class overrides ({@code hospital_id,department,class}); replaces each hospital's. */
    public Loaded loadClasses(Actor actor, String name, byte[] bytes, Charset charset) {
        return data.with(dir -> {
            List<BudgetRowCheck.RawRow> rows = rows(name, bytes, charset, OverrideFileCheck.CLASS_COLUMNS);
            CostingInputs in = inputs(dir);
            OverrideFileCheck.Result<ClassOverride> r = new OverrideFileCheck(in.hospitals(),
                    in::departments).classes(name, rows);
            refuseIfBad(name, r.problems());
            return write(dir, actor, "载入科室类别", name, rows.size(), (at) -> new CostingLoads(dir).loadClasses(name,
                    sha256(bytes), r.values(), actor.name(), at).changes());
        });
    }

    /** Item costs for 项目叠加法 ({@code hospital_id,year,department,category,cost}); replaces each hospital-year. */
    public Loaded loadItemCosts(Actor actor, String name, byte[] bytes, Charset charset) {
        return data.with(dir -> {
            List<BudgetRowCheck.RawRow> rows = rows(name, bytes, charset, OverrideFileCheck.ITEM_COST_COLUMNS);
            CostingInputs in = inputs(dir);
            OverrideFileCheck.Result<ItemCost> r = new OverrideFileCheck(in.hospitals(),
                    in::departments).itemCosts(name, rows);
            refuseIfBad(name, r.problems());
            return write(dir, actor, "载入项目成本", name, rows.size(), (at) -> new CostingLoads(dir).loadItemCosts(name,
                    sha256(bytes), r.values(), actor.name(), at).changes());
        });
    }

    /** A rule set for a hospital or, without one, the region; checked first, with every problem. */
    public CostingRules loadRules(Actor actor, String name, String text, Optional<String> hospital) {
        return data.with(dir -> {
            CostingRules rules = CostingRules.parse(text, name, drivers, items);
            CostingInputs in = inputs(dir);
            if (hospital.isPresent()) {
                String h = hospital.get();
                if (!in.hospitals().contains(h)) {
                    throw new HqdException("医院 '" + h + "' 不在名册中");
                }
                List<CostingProblem> problems = new ArrayList<>();
                for (String d : rules.senderDepartments()) {
                    if (!in.departments(h).contains(d)) {
                        problems.add(new CostingProblem(name, d, "不是医院 " + h + " 的科室或成本中心"));
                    }
                }
                refuseIfBad(name, problems);
            }
            String scope = hospital.orElse(CostingInputs.REGION);
            write(dir, actor, "载入成本分摊规则", name, rules.rules().size(), at -> {
                new CostingLoads(dir).saveRules(scope, rules, actor.name(), at);
                return List.of(hospital.map(h -> "医院 " + h).orElse("全地区") + "：" + rules.id());
            });
            return rules;
        });
    }

    /** The rules in force for a hospital, or for the region without one. */
    public CostingRules rules(Optional<String> hospital) {
        return data.with(dir -> {
            CostingInputs in = inputs(dir);
            return hospital.map(in::rules).orElseGet(in::regionRules);
        });
    }

    /** Removes a hospital's (or the region's) rule set; true when there was one. */
    public boolean resetRules(Actor actor, Optional<String> hospital) {
        return data.with(dir -> {
            String scope = hospital.orElse(CostingInputs.REGION);
            Instant at = clock.instant();
            return Transaction.run(dir.connection(), "删除成本分摊规则", c -> {
                boolean removed = new CostingLoads(dir).removeRules(scope);
                audit(dir, actor, at, "删除成本分摊规则", hospital.map(h -> "医院 " + h).orElse("全地区")
                        + (removed ? "" : "（原本没有）"));
                return removed;
            });
        });
    }

    /**
     * Costs a hospital's year, or every hospital with actuals in the year: allocation and case costs of all of them
     * are computed first and stored together; a problem of any hospital stores nothing.
     */
    public List<CostingSummary> run(Actor actor, Optional<String> hospital, int year) {
        return data.with(dir -> {
            CostingInputs in = inputs(dir);
            List<String> hospitals = hospital.map(List::of).orElseGet(() -> in.hospitalsWithActuals(year));
            if (hospitals.isEmpty()) {
                throw HqdException.withHint("没有 " + year + " 年的财务实际数，无法核算成本", "：先用 hqd budget actuals 导入");
            }
            List<CostingRun> runs = new ArrayList<>();
            List<CostingProblem> problems = new ArrayList<>();
            HospitalCosting costing = new HospitalCosting(dir, in.year(year), pools);
            for (String h : hospitals) {
                try {
                    runs.add(costing.cost(h));
                } catch (CostingException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                throw new CostingException(year + " 年的成本核算未完成（未写入任何结果）", problems);
            }
            Instant at = clock.instant();
            Transaction.run(dir.connection(), "保存成本核算", c -> {
                new CostingResults(dir).save(runs, actor.name(), at);
                audit(dir, actor, at, "成本核算", year + " 年，" + (hospital.isPresent() ? "医院 " + hospital.get()
                        : runs.size() + " 家医院"));
                return null;
            });
            CostingResults results = new CostingResults(dir);
            return runs.stream().map(r -> results.run(r.hospitalId(), year).orElseThrow()).toList();
        });
    }

    /** The stored runs. */
    public List<CostingSummary> runs() {
        return data.with(dir -> {
            return new CostingResults(dir).runs();
        });
    }

    /** A costed hospital-year's department lines; empty when it was not costed. */
    public Optional<DepartmentCosts> departments(String hospital, int year) {
        return data.with(dir -> {
            CostingResults results = new CostingResults(dir);
            return results.run(hospital, year).flatMap(run -> {
                CostingRules rules = inputs(dir).rules(hospital);
                return results.allocation(hospital, year, rules.split()).map(a -> new DepartmentCosts(run,
                        rules.id().equals(run.rulesId()) ? rules.name() : run.rulesId(), a.departments(), a.steps()));
            });
        });
    }

    /** Why a department's costs are what they are (the trace of the stored run). */
    public List<String> explain(String hospital, int year, String department) {
        return data.with(dir -> {
            CostingRules rules = inputs(dir).rules(hospital);
            AllocationResult a = new CostingResults(dir).allocation(hospital, year, rules.split()).orElseThrow(() ->
                    notCosted(hospital, year));
            List<String> lines = a.explain(department, rules::itemName);
            if (lines.isEmpty()) {
                throw new HqdException(hospital + " " + year + " 年的成本核算中没有科室 '" + department + "'");
            }
            return lines;
        });
    }

    /** The cost-to-charge ratios of a costed hospital-year. */
    public List<CostRatio> ratios(String hospital, int year) {
        return data.with(dir -> {
            if (new CostingResults(dir).run(hospital, year).isEmpty()) {
                throw notCosted(hospital, year);
            }
            return new CostingResults(dir).ratios(hospital, year);
        });
    }

    /**
     * DRG cost and margin over the costed cases discharged in the year (of one hospital or all): payment = base rate ×
     * RW, at {@code baseRate} when given, else the saved region rate (hospitals with a rate of their own at theirs), else
     * the budget-neutral rate.
     */
    public DrgCosts drgs(Optional<String> hospital, int year, Optional<Double> baseRate) {
        return data.with(dir -> {
            String scheme = DataAccess.scheme(dir);
            Map<String, String> drgNames = new HashMap<>();
            RulePackCatalog.bundled().load(scheme).drgs().forEach((k, v) -> drgNames.put(k, v.name()));
            CostOutputQuery q = new CostOutputQuery(dir);
            Optional<Double> region = dir.setting(CostOutputQuery.REGION_RATE).map(Double::valueOf);
            double rate = baseRate.or(() -> region).orElseGet(q::neutralBaseRate);
            String source = baseRate.isPresent() ? "--base-rate" : region.isPresent() ? "已保存的全地区费率" : "预算中性费率";
            CaseFilter filter = new CaseFilter(Optional.of(LocalDate.of(year, 1, 1)), Optional.of(LocalDate.of(year, 12, 31)),
                    hospital);
            List<DrgCosts.Line> lines = new ArrayList<>();
            for (UnitCostOutput l : q.run(CostLevel.DRG, rate, filter, baseRate.isEmpty())) {
                long n = l.costedCases();
                if (n > 0) {
                    lines.add(new DrgCosts.Line(l.unit(), drgNames.getOrDefault(l.unit(), ""), n, l.caseCost() / n,
                            l.costedCharges() / n, l.costedPayment() / n, l.balanceOnCost()));
                }
            }
            if (lines.isEmpty()) {
                throw HqdException.withHint((hospital.map(h -> h + " ").orElse("")) + year + " 年没有已核算成本的入组病例",
                        "：先用 hqd costing run 核算");
            }
            lines.sort(Comparator.comparingDouble(DrgCosts.Line::margin).thenComparing(DrgCosts.Line::drg));
            return new DrgCosts(rate, source, lines);
        });
    }

    private static HqdException notCosted(String hospital, int year) {
        return HqdException.withHint(hospital + " " + year + " 年尚未核算成本", "：先用 hqd costing run 核算");
    }

    @FunctionalInterface
    private interface Write {
        List<String> apply(Instant at);
    }

    private Loaded write(DataDirectory dir, Actor actor, String action, String name, int rows, Write work) {
        Instant at = clock.instant();
        List<String> changes = Transaction.run(dir.connection(), action + " " + name, c -> {
            List<String> ch = work.apply(at);
            audit(dir, actor, at, action, clip(name) + "：" + rows + " 行；" + clip(String.join("；", ch)));
            return ch;
        });
        return new Loaded(name, rows, changes);
    }

    private static void audit(DataDirectory dir, Actor actor, Instant at, String action, String detail) {
        org.hqd.app.AuditTrail.record(dir, at, actor, action, detail);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static void refuseIfBad(String name, List<CostingProblem> problems) {
        if (!problems.isEmpty()) {
            throw new CostingException(name + " 未载入（未写入任何数据）", problems);
        }
    }

    private static List<BudgetRowCheck.RawRow> rows(String name, byte[] bytes, Charset charset, List<String> columns) {
        TableFile t = TableFile.read(name, bytes, charset, columns);
        List<CostingProblem> problems = new ArrayList<>();
        List<BudgetRowCheck.RawRow> rows = new ArrayList<>();
        for (TableFile.Row r : t.rows()) {
            r.problem().ifPresent(p -> problems.add(new CostingProblem(name, "第 " + r.line() + " 行", p)));
            rows.add(new BudgetRowCheck.RawRow(r.line(), r.cells()));
        }
        refuseIfBad(name, problems);
        return rows;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
