package org.hqd.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hqd.evaluation.Measure;

/**
 * Writes the yearly hospital reports ({@code annual_reports.csv}, 机构年报): one row per hospital and calendar year of
 * the period, every column of {@link Measure#annualReportColumns()} filled by {@link AnnualProfile}. The values
 * that have a counterpart in the other files are built from it: staff from the monthly reports' physicians, nurses
 * and pharmacists, DDDs from the stays' bed-days, essential-drug patients from the discharges, inpatient insurance
 * revenue = the insurance fund's share of the stays' costs (to the cent), outpatient amounts from medical revenue
 * less the inpatient charges, balance sheet from the year's revenue. A year only part of which the period covers
 * gets the flows of its months (the indicators over the yearly report need whole years anyway).
 */
final class AnnualReportWriter {
    static final String FILE = "annual_reports.csv";

    private AnnualReportWriter() {
    }

    /** What one hospital's months of one year add up to. */
    static final class YearInputs {
        int months;
        long physicianMonths;
        long nurseMonths;
        long pharmacistMonths;
        long visits;
        long totalRevenueCents;
        long medicalRevenueCents;
        long stays;
        long bedDays;
        long inpatientCents;
        long fundCents;

        double physicians() {
            return (double) physicianMonths / months;
        }

        double nurses() {
            return (double) nurseMonths / months;
        }

        double pharmacists() {
            return (double) pharmacistMonths / months;
        }

        /** Outpatient revenue: medical revenue less the inpatient charges of the discharges (never below 0). */
        long outpatientCents() {
            return Math.max(0, medicalRevenueCents - inpatientCents);
        }
    }

    /** Writes the file and returns the number of rows. */
    static long write(List<Hospital> hospitals, ReportingPeriod period, MonthlyTotals totals,
                      FacilityMonth[][] reports, long seed, Path file) throws IOException {
        long rows = 0;
        List<Measure> columns = Measure.annualReportColumns();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            List<String> header = new ArrayList<>(List.of("hospital_id", "year"));
            columns.forEach(m -> header.add(m.id()));
            out.write(CsvBytes.utf8(String.join(",", header) + "\n"));
            CsvBytes line = new CsvBytes(1024);
            for (Hospital h : hospitals) {
                SplittableRandom r = new SplittableRandom(Seeds.of(seed, Seeds.ANNUAL, h.index()));
                AnnualProfile profile = AnnualProfile.draw(h, r);
                for (Map.Entry<Integer, YearInputs> y : years(h, period, totals, reports).entrySet()) {
                    EnumMap<Measure, Double> values = profile.year(y.getValue(), r);
                    line.clear();
                    line.bytes(CsvBytes.utf8(h.id())).comma().number(y.getKey());
                    for (Measure m : columns) {
                        line.comma();
                        Double v = values.get(m);
                        if (v != null) {
                            value(line, m, v);
                        }
                    }
                    line.newline();
                    line.writeTo(out);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static TreeMap<Integer, YearInputs> years(Hospital h, ReportingPeriod period, MonthlyTotals totals,
                                                      FacilityMonth[][] reports) {
        TreeMap<Integer, YearInputs> out = new TreeMap<>();
        for (int m = 0; m < period.months(); m++) {
            YearInputs y = out.computeIfAbsent(period.firstMonth().plusMonths(m).getYear(), k -> new YearInputs());
            FacilityMonth f = reports[h.index()][m];
            y.months++;
            y.physicianMonths += f.physicians();
            y.nurseMonths += f.nurses();
            y.pharmacistMonths += f.pharmacists();
            y.visits += f.outpatientVisits();
            y.totalRevenueCents += f.totalRevenue();
            y.medicalRevenueCents += f.medicalRevenue();
            y.stays += totals.stays(h.index(), m);
            y.bedDays += totals.bedDays(h.index(), m);
            y.inpatientCents += totals.cents(h.index(), m);
            y.fundCents += totals.fund(h.index(), m);
        }
        return out;
    }

    /** A value as its kind is written: whole numbers, amounts in yuan with cents, scores with one decimal. */
    private static void value(CsvBytes out, Measure m, double v) {
        switch (m.kind()) {
            case AMOUNT, BALANCE -> out.cents(Math.round(v * 100));
            case SCORE -> {
                long tenths = Math.round(v * 10);
                out.number(tenths / 10).ascii('.').number(tenths % 10);
            }
            default -> out.number(Math.round(v));
        }
    }
}
