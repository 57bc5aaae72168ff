package org.hqd.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hqd.HqdException;
import org.hqd.budget.Money;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.hospital.FacilityReportColumn;
import org.hqd.hospital.HospitalColumn;
import org.hqd.hospital.HospitalTier;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;

import static org.hqd.synth.SyntheticBudget.*;

/** What is read from the generated files, and how: the CSV rows by column names, amounts as fen. */
final class BudgetInputs {
    /** Hospitals in register order, with their tier. */
    final Map<String, Optional<HospitalTier>> register = new LinkedHashMap<>();
    /** Facility reports of the year: hospital → month → report. */
    final Map<String, TreeMap<Integer, Report>> reports = new HashMap<>();
    /** Clinical departments of each hospital's abstracts (any year). */
    final Map<String, TreeSet<String>> departments = new HashMap<>();
    /** Inpatient revenue of the year's discharges: hospital → department → [month 1–12][item] in fen. */
    final Map<String, Map<String, long[][]>> inpatient = new HashMap<>();

    static BudgetInputs read(Path dir, int year, BudgetItems items) throws IOException {
        BudgetInputs in = new BudgetInputs();
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

    /** One month of a facility report, in fen. */
    record Report(long total, long medical, long operating, long staff, long energy) {
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
}
