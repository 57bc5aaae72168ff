package org.hqd.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hqd.HqdException;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.Money;
import org.hqd.costing.Apportion;
import org.hqd.costing.CostCentreClasses;
import org.hqd.costing.CostClass;
import org.hqd.costing.DriverFileCheck;
import org.hqd.hospital.FacilityReportColumn;
import org.hqd.hospital.HospitalColumn;

/**
 * The allocation drivers of a synthetic province's year ({@code hqd costing drivers load}), consistent with what
 * {@link SyntheticBudget} wrote and the generated files, for every department with actual amounts:
 * <ul>
 *   <li>{@code outpatient_revenue} and {@code inpatient_revenue}: the department's outpatient and inpatient revenue
 *       items of the year's actuals (yuan) — so 门诊部 is an outpatient unit and the clinical departments inpatient
 *       ones;</li>
 *   <li>{@code bed_days}: the stay days of the department's discharges of the year (abstracts);
 *       {@code outpatient_visits}: the facility reports' outpatient visits of the year, at 门诊部;</li>
 *   <li>{@code staff}: the reports' mean physicians + nurses + pharmacists ÷ 0.8 (health professionals are about four
 *       fifths of a hospital's staff), 85 % over the departments with staff spending in proportion to it, 15 % over
 *       the administrative centres;</li>
 *   <li>{@code area}: the register's beds × 85 m², 55 % over the clinical departments by bed days, the rest by fixed
 *       shares (门诊部 12 %, 放射科 6 % …);</li>
 *   <li>{@code workload} (service equivalents): bed days of a clinical department, a tenth of the visits at 门诊部,
 *       and for the medical-technical centres a share of the hospital's bed days (检验科 30 %, 放射科 25 %,
 *       药剂科 20 %).</li>
 * </ul>
 * Whole numbers apart from the revenues; the same input files give the same bytes.
 */
public final class SyntheticCosting {
    /** Columns of the drivers file. */
    public static final List<String> COLUMNS = DriverFileCheck.COLUMNS;
    static final double STAFF_PER_PROFESSIONAL = 1 / 0.8;
    static final long AREA_PER_BED = 85;
    private static final Map<String, Double> AREA_SHARES = Map.of("门诊部", 0.12, "放射科", 0.06, "检验科", 0.05,
            "药剂科", 0.03, "消毒供应中心", 0.02, "病案室", 0.01, "挂号收费处", 0.01);
    private static final double CLINICAL_AREA = 0.55;
    private static final Map<String, Double> MEDTECH_WORKLOAD = Map.of("检验科", 0.30, "放射科", 0.25, "药剂科", 0.20);

    /** What one run wrote. */
    public record Summary(int hospitals, long rows, Path file) { }

    private SyntheticCosting() {
    }

    public static String driversFile(int year) {
        return "drivers-" + year + ".csv";
    }

    /**
     * Reads the generated files of {@code generated} and the actuals {@link SyntheticBudget} wrote into
     * {@code budget}, and writes {@link #driversFile} there.
     */
    public static Summary writeTo(Path generated, int year, Path budget) {
        Objects.requireNonNull(generated, "generated");
        try {
            return write(generated, year, budget);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One hospital's year: department → amounts, and the report and register figures. */
    static final class Hospital {
        /** Department → [staff spending, outpatient revenue, inpatient revenue, everything else] in fen. */
        final Map<String, long[]> money = new TreeMap<>();
        final Map<String, Long> bedDays = new TreeMap<>();
        long visits;
        double professionals;
        int months;
        long beds;
    }

    private static Summary write(Path generated, int year, Path budget) throws IOException {
        BudgetCatalog catalog = BudgetCatalog.standard();
        Map<String, Hospital> hs = new TreeMap<>();
        Path actuals = budget.resolve(SyntheticBudget.actualsFile(year));
        BudgetInputs.forEachRow(actuals, List.of("hospital_id", "department", "item", "amount"), (s, at) -> {
            BudgetItem item = catalog.item(s.field(at[2])).orElseThrow(() -> new HqdException(actuals + " 第 "
                    + s.line() + " 行：项目 " + s.field(at[2]) + " 不在预算项目目录中"));
            long[] m = hs.computeIfAbsent(s.field(at[0]).strip(), k -> new Hospital()).money
                    .computeIfAbsent(s.field(at[1]).strip(), k -> new long[4]);
            long fen = BudgetInputs.fen(s, at[3], actuals);
            int slot = item.code().equals("E0101") ? 0 : !item.caseCharges().isEmpty() ? 2
                    : item.measures().contains("medical_revenue") ? 1 : 3;
            m[slot] += fen;
        });
        if (hs.isEmpty()) {
            throw new HqdException(actuals + " 中没有实际数：先生成预算数据（hqd generate --budget）");
        }
        BudgetInputs.forEachRow(generated.resolve(SyntheticProvince.ABSTRACTS_FILE), List.of("hospital_id",
                "department", "discharge_date", "los_days"), (s, at) -> {
                    Hospital h = hs.get(s.field(at[0]).strip());
                    String date = s.field(at[2]).strip();
                    if (h != null && date.startsWith(year + "-") && !s.field(at[1]).isBlank()) {
                        h.bedDays.merge(s.field(at[1]).strip(), Long.parseLong(s.field(at[3]).strip()), Long::sum);
                    }
                });
        BudgetInputs.forEachRow(generated.resolve(SyntheticProvince.FACILITY_REPORTS_FILE), List.of(
                FacilityReportColumn.HOSPITAL_ID.column(), FacilityReportColumn.PERIOD.column(),
                FacilityReportColumn.OUTPATIENT_VISITS.column(), FacilityReportColumn.PHYSICIANS.column(),
                FacilityReportColumn.NURSES.column(), FacilityReportColumn.PHARMACISTS.column()), (s, at) -> {
                    Hospital h = hs.get(s.field(at[0]).strip());
                    if (h != null && BudgetInputs.yearMonth(s.field(at[1]).strip(), year) > 0) {
                        h.visits += Long.parseLong(s.field(at[2]).strip());
                        h.professionals += Long.parseLong(s.field(at[3]).strip()) + Long.parseLong(s.field(at[4])
                                .strip()) + Long.parseLong(s.field(at[5]).strip());
                        h.months++;
                    }
                });
        BudgetInputs.forEachRow(generated.resolve(SyntheticProvince.HOSPITALS_FILE), List.of(
                HospitalColumn.HOSPITAL_ID.column(), HospitalColumn.BEDS.column()), (s, at) -> {
                    Hospital h = hs.get(s.field(at[0]).strip());
                    if (h != null) {
                        h.beds = Long.parseLong(s.field(at[1]).strip());
                    }
                });
        Path file = budget.resolve(driversFile(year));
        long rows = 0;
        CostCentreClasses classes = CostCentreClasses.standard();
        try (Writer out = SyntheticBudget.writer(file, COLUMNS)) {
            for (Map.Entry<String, Hospital> e : hs.entrySet()) {
                for (Map.Entry<String, Map<String, String>> d : drivers(e.getValue(), classes).entrySet()) {
                    for (Map.Entry<String, String> v : d.getValue().entrySet()) {
                        SyntheticBudget.row(out, e.getKey(), Integer.toString(year), d.getKey(), v.getKey(), v.getValue());
                        rows++;
                    }
                }
            }
        }
        return new Summary(hs.size(), rows, file);
    }

    /** Department → driver → value (text) of one hospital; only non-zero values. */
    static Map<String, Map<String, String>> drivers(Hospital h, CostCentreClasses classes) {
        List<String> departments = List.copyOf(h.money.keySet());
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        departments.forEach(d -> out.put(d, new TreeMap<>()));
        long totalBedDays = 0;
        for (String d : departments) {
            long[] m = h.money.get(d);
            put(out, d, "outpatient_revenue", m[1] == 0 ? null : Money.yuan(m[1]));
            put(out, d, "inpatient_revenue", m[2] == 0 ? null : Money.yuan(m[2]));
            if (classes.classOf(d) == CostClass.CLINICAL) {
                long bd = h.bedDays.getOrDefault(d, 0L);
                totalBedDays += bd;
                put(out, d, "bed_days", bd == 0 ? null : Long.toString(bd));
                long work = d.equals("门诊部") ? Math.round(h.visits * 0.1) : bd;
                put(out, d, "workload", work == 0 ? null : Long.toString(work));
            }
        }
        if (out.containsKey("门诊部") && h.visits > 0) {
            put(out, "门诊部", "outpatient_visits", Long.toString(h.visits));
        }
        for (Map.Entry<String, Double> w : MEDTECH_WORKLOAD.entrySet()) {
            if (out.containsKey(w.getKey())) {
                put(out, w.getKey(), "workload", Long.toString(Math.max(1, Math.round(totalBedDays * w.getValue()))));
            }
        }
        // staff: 85 % by staff spending, 15 % over the administrative centres
        long staff = Math.round(h.months == 0 ? 0 : h.professionals / h.months * STAFF_PER_PROFESSIONAL);
        List<String> paid = departments.stream().filter(d -> h.money.get(d)[0] > 0).toList();
        List<String> admin = departments.stream().filter(d -> classes.classOf(d) == CostClass.ADMINISTRATIVE).toList();
        spread(out, "staff", paid, Math.round(staff * 0.85), d -> h.money.get(d)[0]);
        spread(out, "staff", admin, staff - Math.round(staff * 0.85), d -> 1L);
        // area: the clinical share by bed days, fixed shares for the centres named, the rest over the administration
        long area = h.beds * AREA_PER_BED;
        List<String> wards = departments.stream().filter(d -> classes.classOf(d) == CostClass.CLINICAL
                && h.bedDays.getOrDefault(d, 0L) > 0 && !AREA_SHARES.containsKey(d)).toList();
        long wardArea = Math.round(area * CLINICAL_AREA);
        spread(out, "area", wards, wardArea, d -> h.bedDays.get(d));
        long named = 0;
        for (String d : departments) {
            if (AREA_SHARES.containsKey(d)) {
                long a = Math.round(area * AREA_SHARES.get(d));
                named += a;
                put(out, d, "area", a == 0 ? null : Long.toString(a));
            }
        }
        spread(out, "area", admin, area - wardArea - named, d -> 1L);
        return out;
    }

    private static void spread(Map<String, Map<String, String>> out, String driver, List<String> to, long total,
                               java.util.function.ToLongFunction<String> weight) {
        if (to.isEmpty() || total <= 0) {
            return;
        }
        long[] w = to.stream().mapToLong(weight).toArray();
        long[] parts = Apportion.of(total, w);
        for (int i = 0; i < parts.length; i++) {
            put(out, to.get(i), driver, parts[i] == 0 ? null : Long.toString(parts[i]));
        }
    }

    private static void put(Map<String, Map<String, String>> out, String department, String driver, String value) {
        if (value != null) {
            out.get(department).put(driver, value);
        }
    }
}
