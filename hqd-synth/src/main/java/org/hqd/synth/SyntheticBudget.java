package org.hqd.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hqd.HqdException;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.Money;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.TargetSet;
import org.hqd.hospital.HospitalTier;
import org.hqd.io.grouping.ResultCsv;

import static org.hqd.synth.BudgetInputs.*;

/**
 * Synthetic budget data for a generated province (the folder {@link SyntheticProvince#writeTo} wrote): for one
 * year, each hospital's monthly actual amounts by department and budget item, a budget, performance targets with
 * the monthly values of the hand-reported ones, and the hospitals' clinical departments. The files are what
 * {@code hqd budget import / actuals / targets / perf / departments} read.
 *
 * <p>The actuals are consistent with the generated data, month by month (amounts in fen, sums exact):
 * <ul>
 *   <li>inpatient revenue items (those with {@code case_charges}) of a clinical department = the sum of those
 *       charge columns of its cases discharged in the month;</li>
 *   <li>outpatient revenue items at 门诊部, with the hospital's inpatient share of medical-service revenue, make every
 *       {@code medical_revenue} item of the month add up to the
 *       facility report's medical revenue;</li>
 *   <li>total revenue − medical revenue is 财政补助 (80 % basic, 20 % project) at 全院, less small shares of
 *       科教收入 (at 科教科) and 其他收入 (at 全院);</li>
 *   <li>staff spending is split over the clinical departments by their inpatient revenue and 门诊部 by its outpatient
 *       revenue (the clinics are staffed as the wards are), energy spending sits
 *       at 后勤保障科, drug and material expenses are 92 % and 95 % of the drug and material revenue of each
 *       department (clinical ones and 门诊部), depreciation, amortisation, maintenance and the medical risk fund
 *       sit at 全院, and 其他商品和服务费用 at 全院 balances every {@code operating_spending} item to the report's
 *       operating spending;</li>
 *   <li>administration (院办公室), research and teaching (科教科) and capital spending (设备科) are items outside the
 *       evaluation measures.</li>
 * </ul>
 * Which item adds to which measure is the catalogue's ({@link BudgetCatalog#standard()}); the totals are checked
 * against the reports with it after each month is built.
 *
 * <p>The budget is planned from the same basis as the actuals: each hospital's last-year actual (this year's,
 * less the growth the year brought) grown by its planned growth, so the budget of a department × item line is its
 * annual actual (scaled to twelve months when the reports cover fewer) times its hospital's plan factor of the kind
 * (about 0.95–1.05, a lax hospital's revenue higher and expenditure lower) spread a little per line
 * ({@link BudgetPlan}), in whole yuan, spread evenly over the twelve months with the rounding remainder in December.
 * So most hospitals run close to the time progress, some ahead and some behind, on revenue and on spending. Same
 * input files and seed, same bytes.
 */
public final class SyntheticBudget {
    /** The clinical departments of each hospital: {@code hospital_id,department}. */
    public static final String DEPARTMENTS_FILE = "departments.csv";
    /** Columns of the budget and actuals files. */
    public static final List<String> LINE_COLUMNS = BudgetRowCheck.COLUMNS;
    /** Columns of the targets file. */
    public static final List<String> TARGET_COLUMNS = List.of("hospital_id", "year", "department", "item",
            "dimension", "name", "comparison", "target", "unit", "weight", "source");
    /** Columns of the file of hand-reported target values. */
    public static final List<String> TARGET_VALUE_COLUMNS = List.of("hospital_id", "year", "target", "month",
            "value");
    /** Columns of {@value #DEPARTMENTS_FILE}. */
    public static final List<String> DEPARTMENT_COLUMNS = List.of("hospital_id", "department");
    /** The timeliness target whose values are reported by hand each month. */
    public static final String REPORTING_TARGET = "预算执行分析报告按月报送率";

    // Cost centres of the catalogue that carry the hospital-wide lines.
    static final String WHOLE = "全院";
    static final String OUTPATIENT = "门诊部";
    static final String LOGISTICS = "后勤保障科";
    static final String RESEARCH = "科教科";
    static final String ADMINISTRATION = "院办公室";
    static final String FINANCE = "财务科";
    static final String EQUIPMENT = "设备科";
    /** The cost centres used, in the order their lines are written (after the clinical departments). */
    static final List<String> CENTRES = List.of(OUTPATIENT, RESEARCH, ADMINISTRATION, FINANCE, LOGISTICS,
            EQUIPMENT, WHOLE);

    // Items placed by code; which measures they add to is the catalogue's.
    static final String FISCAL_BASIC = "R0201";
    static final String FISCAL_PROJECT = "R0202";
    static final String RESEARCH_REVENUE = "R0301";
    static final String OTHER_REVENUE = "R0401";
    static final String STAFF = "E0101";
    static final String DRUG_EXPENSE = "E0201";
    static final String MATERIAL_EXPENSE = "E0202";
    static final String DEPRECIATION = "E0301";
    static final String AMORTISATION = "E0302";
    static final String ENERGY = "E0401";
    static final String MAINTENANCE = "E0402";
    static final String RISK_FUND = "E0403";
    static final String OTHER_SPENDING = "E0404";
    static final String ADMINISTRATION_EXPENSE = "E0501";
    static final String RESEARCH_EXPENSE = "E0601";
    static final String CAPITAL = "E0701";
    /** Revenue items whose goods are bought: drugs (outpatient, inpatient) and materials. */
    static final Set<String> DRUG_REVENUE = Set.of("R0103", "R0114");
    static final Set<String> MATERIAL_REVENUE = Set.of("R0104", "R0115");
    /** Drug and material expense as a percentage of the revenue they earn. */
    static final int DRUG_COST_PERCENT = 92;
    static final int MATERIAL_COST_PERCENT = 95;
    /**
     * Typical shares of outpatient revenue (门急诊): consultation and treatment, examinations and tests, drugs,
     * materials. An outpatient item the catalogue may add later gets {@link #OTHER_OUTPATIENT_SHARE}.
     */
    static final Map<String, Double> OUTPATIENT_SHARES = Map.of("R0101", 0.24, "R0102", 0.30, "R0103", 0.38,
            "R0104", 0.08);
    static final double OTHER_OUTPATIENT_SHARE = 0.05;
    /** The measure of medical-service revenue (医疗服务收入) in the catalogue. */
    static final String SERVICE_MEASURE = "medical_service_revenue";
    /** Share of 财政补助 that is 项目支出补助 (the rest is 基本支出补助). */
    static final double PROJECT_SUBSIDY_SHARE = 0.20;
    /** Chance that a month's budget analysis report is late (value 0.9 instead of 1.0), in a disciplined hospital. */
    static final double LATE_REPORT_CHANCE = 0.12;
    /**
     * How a lax hospital (laxity 1; {@link HospitalBudgetYear#laxity}) reports: its monthly reports this much more often late and
     * this often not sent (value 0); how it plans is {@link BudgetPlan}'s. A hospital's laxity is the square of a
     * uniform draw: most plan and report well, a few badly, so that the year-end performance grades spread.
     */
    static final double LAX_LATE_REPORTS = 0.30;
    static final double LAX_MISSING_REPORTS = 0.35;

    static final String OPERATING = "operating_spending";

    /**
     * What one run wrote.
     *
     * @param hospitals  hospitals with facility reports in the year (each has its lines, targets and departments)
     * @param budgetRows rows of the budget file
     * @param actualRows rows of the actuals file
     * @param targetRows rows of the targets file
     * @param files      the files written, in this order: budget, actuals, targets, target values, departments
     */
    public record Summary(int hospitals, long budgetRows, long actualRows, long targetRows, List<Path> files) {
        public Summary {
            files = List.copyOf(files);
        }
    }

    private SyntheticBudget() {
    }

    public static String budgetFile(int year) {
        return "budget-" + year + ".csv";
    }

    public static String actualsFile(int year) {
        return "actuals-" + year + ".csv";
    }

    public static String targetsFile(int year) {
        return "targets-" + year + ".csv";
    }

    public static String targetValuesFile(int year) {
        return "target-values-" + year + ".csv";
    }

    /**
     * Reads {@code hospitals.csv}, {@code abstracts.csv} and {@code facility_reports.csv} of {@code generated} and
     * writes the budget, actuals, targets, target values of {@code year} and {@value #DEPARTMENTS_FILE} into
     * {@code output} (created if missing; files of these names are replaced).
     *
     * @throws HqdException         when a file is missing or malformed, or no facility report covers {@code year}
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static Summary writeTo(Path generated, int year, long seed, Path output) {
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(output, "output");
        if (year < 2000 || year > 2100) {
            throw new HqdException("预算年度 year = " + year + " 超出范围：应为 2000–2100");
        }
        try {
            return write(generated, year, seed, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Summary write(Path generated, int year, long seed, Path output) throws IOException {
        BudgetCatalog catalog = BudgetCatalog.standard();
        for (String centre : CENTRES) {
            if (!catalog.costCentres().contains(centre)) {
                throw new HqdException("成本中心目录中没有 " + centre + "：合成预算数据需要它");
            }
        }
        BudgetItems items = new BudgetItems(catalog);
        BudgetInputs in = BudgetInputs.read(generated, year, items);
        IndicatorCatalog indicators = IndicatorCatalog.standard();
        TargetSet tierTargets = TargetSet.standard(indicators);

        Files.createDirectories(output);
        Path budgetPath = output.resolve(budgetFile(year));
        Path actualsPath = output.resolve(actualsFile(year));
        Path targetsPath = output.resolve(targetsFile(year));
        Path valuesPath = output.resolve(targetValuesFile(year));
        Path departmentsPath = output.resolve(DEPARTMENTS_FILE);
        long budgetRows = 0;
        long actualRows = 0;
        long targetRows = 0;
        int hospitals = 0;
        try (Writer budget = writer(budgetPath, LINE_COLUMNS); Writer actuals = writer(actualsPath, LINE_COLUMNS);
             Writer targets = writer(targetsPath, TARGET_COLUMNS);
             Writer values = writer(valuesPath, TARGET_VALUE_COLUMNS);
             Writer departments = writer(departmentsPath, DEPARTMENT_COLUMNS)) {
            for (Map.Entry<String, Optional<HospitalTier>> h : in.register.entrySet()) {
                String id = h.getKey();
                TreeMap<Integer, Report> reports = in.reports.get(id);
                if (reports == null) {
                    continue; // no facility report in the year: nothing to be consistent with
                }
                hospitals++;
                double u = Seeds.unit(Seeds.of(seed, Seeds.BUDGET_DISCIPLINE, Seeds.ofText(id)));
                HospitalBudgetYear book = HospitalBudgetYear.build(id, reports, in.inpatient.getOrDefault(id, Map.of()), items,
                        new SplittableRandom(Seeds.of(seed, Seeds.BUDGET, Seeds.ofText(id))), u * u);
                SyntheticCostCentres.spread(id, book.lines, reports.keySet(), items, catalog);
                List<String> order = book.departments();
                actualRows += book.writeActuals(year, order, items, actuals);
                budgetRows += book.writeBudget(year, order, items, seed, budget);
                targetRows += book.writeTargets(year, h.getValue(), items, indicators, tierTargets, targets, values);
                for (String d : in.departments.getOrDefault(id, new TreeSet<>())) {
                    row(departments, id, d);
                }
            }
        }
        if (hospitals == 0) {
            throw new HqdException(generated.resolve(SyntheticProvince.FACILITY_REPORTS_FILE) + " 中没有 " + year
                    + " 年名册内医院的月报：请选择机构月报覆盖的年度");
        }
        return new Summary(hospitals, budgetRows, actualRows, targetRows,
                List.of(budgetPath, actualsPath, targetsPath, valuesPath, departmentsPath));
    }

    static Indicator indicator(IndicatorCatalog catalog, String id) {
        return catalog.indicator(id).orElseThrow(() -> new HqdException("指标目录中没有指标 " + id + "：合成绩效目标需要它"));
    }

    /**
     * Splits {@code total} fen in proportion to non-negative weights, exactly: each part is rounded down and the
     * fen left over go one by one to the largest remainders (ties to the first). All to the first part when the
     * weights are all zero.
     */
    static long[] apportion(long total, double[] weights) {
        int n = weights.length;
        long[] out = new long[n];
        if (n == 0) {
            if (total != 0) {
                throw new IllegalArgumentException("nothing to apportion " + total + " to");
            }
            return out;
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (!(sum > 0)) {
            out[0] = total;
            return out;
        }
        double[] remainder = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            double exact = total * (weights[i] / sum);
            out[i] = (long) Math.floor(exact);
            remainder[i] = exact - out[i];
            assigned += out[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        long left = total - assigned;
        for (int k = 0; left > 0; k++, left--) {
            out[order[k % n]]++;
        }
        for (int k = 0; left < 0; k++, left++) {
            out[order[n - 1 - k % n]]--; // floating-point overshoot: take back from the smallest remainders
        }
        return out;
    }

    /** A percentage of an amount of fen, rounded half away from zero. */
    static long percent(long fen, int percent) {
        long p = fen * percent;
        return p >= 0 ? (p + 50) / 100 : -((-p + 50) / 100);
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static Writer writer(Path file, List<String> header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(String.join(",", header));
        w.write('\n');
        return w;
    }

    static void line(Writer out, String hospital, int year, String department, String item, int month,
                             long fen) throws IOException {
        row(out, hospital, Integer.toString(year), department, item, Integer.toString(month), Money.yuan(fen));
    }

    static void row(Writer out, String... fields) throws IOException {
        StringBuilder b = new StringBuilder(96);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            ResultCsv.field(b, fields[i]);
        }
        out.write(b.append('\n').toString());
    }

    /** A number as plain decimal text with at least one decimal: 1 → "1.0", 0.35 → "0.35". */
    static String plain(double v) {
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
