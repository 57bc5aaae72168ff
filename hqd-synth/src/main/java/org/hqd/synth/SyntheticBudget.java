package org.hqd.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hqd.HqdException;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.Money;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.evaluation.Comparison;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Target;
import org.hqd.evaluation.TargetSet;
import org.hqd.hospital.FacilityReportColumn;
import org.hqd.hospital.HospitalColumn;
import org.hqd.hospital.HospitalTier;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;

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
    private static final List<String> CENTRES = List.of(OUTPATIENT, RESEARCH, ADMINISTRATION, FINANCE, LOGISTICS,
            EQUIPMENT, WHOLE);

    // Items placed by code; which measures they add to is the catalogue's.
    private static final String FISCAL_BASIC = "R0201";
    private static final String FISCAL_PROJECT = "R0202";
    private static final String RESEARCH_REVENUE = "R0301";
    private static final String OTHER_REVENUE = "R0401";
    private static final String STAFF = "E0101";
    private static final String DRUG_EXPENSE = "E0201";
    private static final String MATERIAL_EXPENSE = "E0202";
    private static final String DEPRECIATION = "E0301";
    private static final String AMORTISATION = "E0302";
    private static final String ENERGY = "E0401";
    private static final String MAINTENANCE = "E0402";
    private static final String RISK_FUND = "E0403";
    private static final String OTHER_SPENDING = "E0404";
    private static final String ADMINISTRATION_EXPENSE = "E0501";
    private static final String RESEARCH_EXPENSE = "E0601";
    private static final String CAPITAL = "E0701";
    /** Revenue items whose goods are bought: drugs (outpatient, inpatient) and materials. */
    private static final Set<String> DRUG_REVENUE = Set.of("R0103", "R0114");
    private static final Set<String> MATERIAL_REVENUE = Set.of("R0104", "R0115");
    /** Drug and material expense as a percentage of the revenue they earn. */
    private static final int DRUG_COST_PERCENT = 92;
    private static final int MATERIAL_COST_PERCENT = 95;
    /**
     * Typical shares of outpatient revenue (门急诊): consultation and treatment, examinations and tests, drugs,
     * materials. An outpatient item the catalogue may add later gets {@link #OTHER_OUTPATIENT_SHARE}.
     */
    private static final Map<String, Double> OUTPATIENT_SHARES = Map.of("R0101", 0.24, "R0102", 0.30, "R0103", 0.38,
            "R0104", 0.08);
    private static final double OTHER_OUTPATIENT_SHARE = 0.05;
    /** The measure of medical-service revenue (医疗服务收入) in the catalogue. */
    private static final String SERVICE_MEASURE = "medical_service_revenue";
    /** Share of 财政补助 that is 项目支出补助 (the rest is 基本支出补助). */
    private static final double PROJECT_SUBSIDY_SHARE = 0.20;
    /** Chance that a month's budget analysis report is late (value 0.9 instead of 1.0), in a disciplined hospital. */
    private static final double LATE_REPORT_CHANCE = 0.12;
    /**
     * How a lax hospital (laxity 1; {@link Ledger#laxity}) reports: its monthly reports this much more often late and
     * this often not sent (value 0); how it plans is {@link BudgetPlan}'s. A hospital's laxity is the square of a
     * uniform draw: most plan and report well, a few badly, so that the year-end performance grades spread.
     */
    static final double LAX_LATE_REPORTS = 0.30;
    static final double LAX_MISSING_REPORTS = 0.35;

    private static final String OPERATING = "operating_spending";

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

    private static Summary write(Path generated, int year, long seed, Path output) throws IOException {
        BudgetCatalog catalog = BudgetCatalog.standard();
        for (String centre : CENTRES) {
            if (!catalog.costCentres().contains(centre)) {
                throw new HqdException("成本中心目录中没有 " + centre + "：合成预算数据需要它");
            }
        }
        Items items = new Items(catalog);
        Inputs in = Inputs.read(generated, year, items);
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
                Ledger book = Ledger.build(id, reports, in.inpatient.getOrDefault(id, Map.of()), items,
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

    /** The catalogue's items with the indexes and groups the generator uses. */
    static final class Items {
        final List<BudgetItem> all;
        final Map<String, Integer> index = new HashMap<>();
        /** Items with case charges (inpatient revenue), in catalogue order. */
        final List<Integer> inpatient = new ArrayList<>();
        /** Items adding to medical revenue without case charges (outpatient revenue), in catalogue order. */
        final List<Integer> outpatient = new ArrayList<>();

        Items(BudgetCatalog catalog) {
            all = catalog.items();
            for (int i = 0; i < all.size(); i++) {
                BudgetItem item = all.get(i);
                index.put(item.code(), i);
                if (!item.caseCharges().isEmpty()) {
                    inpatient.add(i);
                } else if (item.measures().contains("medical_revenue")) {
                    outpatient.add(i);
                }
            }
            if (inpatient.isEmpty() || outpatient.isEmpty()) {
                throw new HqdException("预算项目目录 " + catalog.id() + " 应有住院收入项目（case_charges）和门急诊医疗收入项目");
            }
        }

        int of(String code) {
            Integer i = index.get(code);
            if (i == null) {
                throw new HqdException("预算项目目录中没有项目 " + code + "：合成预算数据需要它");
            }
            return i;
        }

        BudgetItem item(int i) {
            return all.get(i);
        }

        int size() {
            return all.size();
        }

        /** The sum of the items of one month's amounts (indexed by item) that add to a measure. */
        long measure(String measure, long[] amounts) {
            long sum = 0;
            for (int i = 0; i < amounts.length; i++) {
                if (all.get(i).measures().contains(measure)) {
                    sum += amounts[i];
                }
            }
            return sum;
        }
    }

    /**
     * Rescales the outpatient shares so that medical-service revenue (the items of {@code medical_service_revenue})
     * has the same share of outpatient revenue as of the hospital's inpatient charges over the year: a hospital's
     * clinics charge like its wards, so its finance shows the structure its cases show.
     */
    static void servesLikeWards(double[] shares, Items items, Map<String, long[][]> inpatient) {
        long service = 0;
        long all = 0;
        for (long[][] months : inpatient.values()) {
            for (long[] amounts : months) {
                service += items.measure(SERVICE_MEASURE, amounts);
                all += items.measure("medical_revenue", amounts);
            }
        }
        double in = 0;
        double out = 0;
        for (int k = 0; k < shares.length; k++) {
            if (items.item(items.outpatient.get(k)).measures().contains(SERVICE_MEASURE)) {
                in += shares[k];
            } else {
                out += shares[k];
            }
        }
        if (all == 0 || in == 0 || out == 0) {
            return;
        }
        double target = service / (double) all;
        for (int k = 0; k < shares.length; k++) {
            boolean isService = items.item(items.outpatient.get(k)).measures().contains(SERVICE_MEASURE);
            shares[k] *= isService ? target / in : (1 - target) / out;
        }
    }

    /** One month of a facility report, in fen. */
    record Report(long total, long medical, long operating, long staff, long energy) {
    }

    /** What is read from the generated files. */
    static final class Inputs {
        /** Hospitals in register order, with their tier. */
        final Map<String, Optional<HospitalTier>> register = new LinkedHashMap<>();
        /** Facility reports of the year: hospital → month → report. */
        final Map<String, TreeMap<Integer, Report>> reports = new HashMap<>();
        /** Clinical departments of each hospital's abstracts (any year). */
        final Map<String, TreeSet<String>> departments = new HashMap<>();
        /** Inpatient revenue of the year's discharges: hospital → department → [month 1–12][item] in fen. */
        final Map<String, Map<String, long[][]>> inpatient = new HashMap<>();

        static Inputs read(Path dir, int year, Items items) throws IOException {
            Inputs in = new Inputs();
            Path hospitals = dir.resolve(SyntheticProvince.HOSPITALS_FILE);
            forEachRow(hospitals, List.of(HospitalColumn.HOSPITAL_ID.column(), HospitalColumn.TIER.column()),
                    (s, at) -> in.register.putIfAbsent(s.field(at[0]).strip(), HospitalTier.byName(s.field(at[1]))));

            Path reports = dir.resolve(SyntheticProvince.FACILITY_REPORTS_FILE);
            List<FacilityReportColumn> reportColumns = List.of(FacilityReportColumn.HOSPITAL_ID,
                    FacilityReportColumn.PERIOD, FacilityReportColumn.TOTAL_REVENUE,
                    FacilityReportColumn.MEDICAL_REVENUE, FacilityReportColumn.OPERATING_SPENDING,
                    FacilityReportColumn.STAFF_SPENDING, FacilityReportColumn.ENERGY_SPENDING);
            forEachRow(reports, reportColumns.stream().map(FacilityReportColumn::column).toList(), (s, at) -> {
                String period = s.field(at[1]).strip();
                int month = yearMonth(period, year);
                if (month > 0) {
                    Report r = new Report(fen(s, at[2], reports), fen(s, at[3], reports), fen(s, at[4], reports),
                            fen(s, at[5], reports), fen(s, at[6], reports));
                    String hospital = s.field(at[0]).strip();
                    if (in.reports.computeIfAbsent(hospital, k -> new TreeMap<>()).put(month, r) != null) {
                        throw new HqdException(reports + " 第 " + s.line() + " 行：同一医院的报告期 " + period + " 重复");
                    }
                }
            });

            // The charge columns of the inpatient items; a column of two items adds to both.
            List<String> columns = new ArrayList<>(List.of(AbstractColumn.HOSPITAL_ID.column(),
                    AbstractColumn.DISCHARGE_DATE.column(), AbstractColumn.DEPARTMENT.column()));
            List<Integer> chargeItems = new ArrayList<>();
            for (int i : items.inpatient) {
                for (String charge : new TreeSet<>(items.item(i).caseCharges())) {
                    columns.add(charge);
                    chargeItems.add(i);
                }
            }
            Path abstracts = dir.resolve(SyntheticProvince.ABSTRACTS_FILE);
            int n = items.size();
            forEachRow(abstracts, columns, (s, at) -> {
                String hospital = s.field(at[0]).strip();
                String department = s.field(at[2]).strip();
                if (department.isEmpty()) {
                    return; // a case without a department cannot be put on a department's line
                }
                in.departments.computeIfAbsent(hospital, k -> new TreeSet<>()).add(department);
                String date = s.field(at[1]).strip();
                int month = date.length() >= 7 ? yearMonth(date.substring(0, 7), year) : -1;
                TreeMap<Integer, Report> covered = in.reports.get(hospital);
                // Cases of months without a facility report are left out: there is no month to be consistent with.
                if (month <= 0 || covered == null || !covered.containsKey(month)) {
                    return;
                }
                long[] amounts = in.inpatient.computeIfAbsent(hospital, k -> new HashMap<>())
                        .computeIfAbsent(department, k -> new long[13][n])[month];
                for (int c = 0; c < chargeItems.size(); c++) {
                    amounts[chargeItems.get(c)] += fen(s, at[3 + c], abstracts);
                }
            });
            return in;
        }
    }

    /** A hospital's actual amounts of the year (department → [month 1–12][item] in fen) and its reported values. */
    static final class Ledger {
        final String id;
        final TreeMap<Integer, Report> reports;
        final Map<String, long[][]> lines = new HashMap<>();
        final Map<Integer, Double> reportingValues = new TreeMap<>();
        final int n;
        /** How badly the hospital plans and reports its budget, 0 (well) to 1 (badly). */
        final double laxity;

        private Ledger(String id, TreeMap<Integer, Report> reports, int n, double laxity) {
            this.laxity = laxity;
            this.id = id;
            this.reports = reports;
            this.n = n;
        }

        static Ledger build(String id, TreeMap<Integer, Report> reports, Map<String, long[][]> inpatient,
                              Items items, SplittableRandom r, double laxity) {
            Ledger h = new Ledger(id, reports, items.size(), laxity);
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
        private void check(int m, Report rep, Items items, boolean medicalCovered) {
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

        long writeActuals(int year, List<String> order, Items items, Writer out) throws IOException {
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

        long writeBudget(int year, List<String> order, Items items, long seed, Writer out) throws IOException {
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

        long writeTargets(int year, Optional<HospitalTier> tier, Items items, IndicatorCatalog indicators,
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

    private static Indicator indicator(IndicatorCatalog catalog, String id) {
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

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** The month 1–12 of a {@code YYYY-MM} period when it is in {@code year}, else −1. */
    static int yearMonth(String period, int year) {
        if (period.length() != 7 || period.charAt(4) != '-') {
            return -1;
        }
        try {
            int y = Integer.parseInt(period.substring(0, 4));
            int m = Integer.parseInt(period.substring(5, 7));
            return y == year && m >= 1 && m <= 12 ? m : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An amount in yuan (at most two decimals, blank = 0) as fen. */
    static long fen(CsvScanner s, int field, Path file) {
        double d = s.plainDecimal(field);
        if (!Double.isNaN(d)) {
            return Math.round(d * 100); // exact: a plain decimal of at most 15 digits is within 2^50 fen
        }
        if (s.isBlank(field)) {
            return 0;
        }
        OptionalLong v = Money.parse(s.field(field));
        if (v.isEmpty()) {
            throw new HqdException(file + " 第 " + s.line() + " 行：金额 '" + s.field(field) + "' 不是以元为单位的数字");
        }
        return v.getAsLong();
    }

    /** Receives each data row with the field indexes of the requested columns. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(CsvScanner s, int[] at);
    }

    static void forEachRow(Path file, List<String> columns, RowConsumer consumer) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new HqdException("找不到 " + file + "：先用 hqd generate 生成合成数据", e);
        }
        try (in) {
            CsvChunkReader reader = new CsvChunkReader(in, 1 << 20);
            CsvScanner s = CsvScanner.utf8();
            int[] at = null;
            for (CsvChunk c = reader.next().orElse(null); c != null; c = reader.next().orElse(null)) {
                s.reset(c);
                while (s.next()) {
                    if (at == null) {
                        List<String> header = s.fields().stream().map(String::strip).toList();
                        at = new int[columns.size()];
                        for (int i = 0; i < at.length; i++) {
                            at[i] = header.indexOf(columns.get(i));
                            if (at[i] < 0) {
                                throw new HqdException(file + " 缺少列 " + columns.get(i));
                            }
                        }
                    } else {
                        consumer.accept(s, at);
                    }
                }
            }
            if (at == null) {
                throw new HqdException(file + "：文件为空，没有表头");
            }
        }
    }

    static Writer writer(Path file, List<String> header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(String.join(",", header));
        w.write('\n');
        return w;
    }

    private static void line(Writer out, String hospital, int year, String department, String item, int month,
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
