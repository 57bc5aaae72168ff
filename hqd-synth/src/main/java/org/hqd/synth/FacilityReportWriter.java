package org.hqd.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.hqd.hospital.FacilityReportColumn;

/**
 * Writes the monthly facility reports ({@code facility_reports.csv}): one row per hospital and month, consistent
 * with the hospital's discharges of that month. Inpatient revenue is about 60 % of medical revenue (so medical
 * revenue always covers the month's inpatient costs); staff follow the beds (医护比 about 1:2); spending,
 * energy, EMR level, visits (a steady number per discharge), appointments, satisfaction and the DRG/DIP-paid share of the eligible insurance
 * spending follow each hospital's own steady level with small monthly changes and slow trends.
 */
final class FacilityReportWriter {
    private FacilityReportWriter() {
    }

    /** Writes the file and returns the number of rows; the months are kept in {@code kept[hospital][month]}. */
    static long write(List<Hospital> hospitals, ReportingPeriod period, MonthlyTotals totals, long seed, Path file,
                      FacilityMonth[][] kept) throws IOException {
        long rows = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(CsvBytes.utf8(String.join(",", FacilityReportColumn.header()) + "\n"));
            CsvBytes line = new CsvBytes(512);
            for (Hospital h : hospitals) {
                SplittableRandom r = new SplittableRandom(Seeds.of(seed, Seeds.FACILITY, h.index()));
                FacilityProfile p = FacilityProfile.draw(h, period.months(), r);
                for (int m = 0; m < period.months(); m++) {
                    line.clear();
                    FacilityMonth month = p.month(m, totals.cents(h.index(), m), totals.fund(h.index(), m),
                            totals.stays(h.index(), m), r);
                    kept[h.index()][m] = month;
                    write(h, period.label(m), month, line);
                    line.writeTo(out);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void write(Hospital h, String period, FacilityMonth f, CsvBytes out) {
        for (FacilityReportColumn c : FacilityReportColumn.values()) {
            if (c.ordinal() > 0) {
                out.comma();
            }
            switch (c) {
                case HOSPITAL_ID: out.bytes(CsvBytes.utf8(h.id())); break;
                case PERIOD: out.bytes(CsvBytes.utf8(period)); break;
                case BEDS: out.number(h.beds()); break;
                case PHYSICIANS: out.number(f.physicians()); break;
                case NURSES: out.number(f.nurses()); break;
                case PHARMACISTS: out.number(f.pharmacists()); break;
                case TOTAL_REVENUE: out.cents(f.totalRevenue()); break;
                case MEDICAL_REVENUE: out.cents(f.medicalRevenue()); break;
                case OPERATING_SPENDING: out.cents(f.operatingSpending()); break;
                case STAFF_SPENDING: out.cents(f.staffSpending()); break;
                case ENERGY_SPENDING: out.cents(f.energySpending()); break;
                case EMR_LEVEL: out.number(f.emrLevel()); break;
                case OUTPATIENT_VISITS: out.number(f.outpatientVisits()); break;
                case APPOINTMENTS: out.number(f.appointments()); break;
                case PATIENT_SATISFACTION: tenths(out, f.patientSatisfactionTenths()); break;
                case STAFF_SATISFACTION: tenths(out, f.staffSatisfactionTenths()); break;
                case DRG_DIP_PAID_SPENDING: out.cents(f.drgDipPaid()); break;
                case ELIGIBLE_INSURANCE_SPENDING: out.cents(f.eligibleInsurance()); break;
                default: throw new IllegalStateException("no value for facility report column " + c);
            }
        }
        out.newline();
    }

    private static void tenths(CsvBytes out, int tenths) {
        out.number(tenths / 10).ascii('.').number(tenths % 10);
    }
}
