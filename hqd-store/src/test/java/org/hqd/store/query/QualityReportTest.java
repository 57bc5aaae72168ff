package org.hqd.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.hospital.FacilityReportColumn;
import org.hqd.hospital.HospitalColumn;
import org.hqd.quality.QualityLine;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hqd quality}: rows checked and failed per hospital, discharge month, dimension and rule. */
final class QualityReportTest {
    @TempDir
    Path tmp;

    private Path data;

    /**
     * H001 2024-03: R1, R2 clean; R3 LOS_MISMATCH; R4 DATE_ORDER (rejected); R5 SECONDARY_CODE_UNKNOWN and
     * LOS_MISMATCH; R6 REQUIRED_MISSING and DISCHARGE_METHOD_INVALID (rejected); R7 PRINCIPAL_DX_UNKNOWN and
     * SECONDARY_CODE_UNKNOWN (rejected). H001 2024-04: R8 clean, R9 COST_SUM (rejected). H002 2024-03: R10 clean and
     * its duplicate (rejected). H003 2024-05: R11 clean.
     */
    @BeforeEach
    void importKnownFindings() throws IOException {
        data = tmp.resolve("data");
        Path file = Files.writeString(tmp.resolve("q.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1"),
                AbstractRow.valid("H001", "R2"),
                AbstractRow.valid("H001", "R3").set(AbstractColumn.LOS_DAYS, "7"),
                AbstractRow.valid("H001", "R4").stay("2024-03-10", "2024-03-05", 5),
                AbstractRow.valid("H001", "R5").set(AbstractColumn.LOS_DAYS, "7")
                        .set(AbstractColumn.SECONDARY_DX, "Q99.999"),
                AbstractRow.valid("H001", "R6").set(AbstractColumn.SEX, "").set(AbstractColumn.DISCHARGE_METHOD, "7"),
                AbstractRow.valid("H001", "R7").set(AbstractColumn.PRINCIPAL_DX, "ZZZ.999")
                        .set(AbstractColumn.SECONDARY_DX, "Q99.999"),
                AbstractRow.valid("H001", "R8").stay("2024-04-01", "2024-04-03", 2),
                AbstractRow.valid("H001", "R9").stay("2024-04-01", "2024-04-03", 2).set(AbstractColumn.COST_BED, "1"),
                AbstractRow.valid("H002", "R10"),
                AbstractRow.valid("H002", "R10"),
                AbstractRow.valid("H003", "R11").stay("2024-05-01", "2024-05-03", 2))));
        Stores.importInto(data, file);
    }

    private static QualityLine line(String hospital, String period, long rows, String dimension, String rule, long failed) {
        return new QualityLine(hospital, period, rows, dimension, rule, failed, 1.0 - (double) failed / rows);
    }

    @Test
    void lines_knownFindings_countRowsAndFailuresPerDimensionAndRule() {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(new QualityReport(dir).lines()).containsExactly(
                    line("H001", "2024-03", 7, "一致性", "*", 3),
                    line("H001", "2024-03", 7, "一致性", "DATE_ORDER", 1),
                    line("H001", "2024-03", 7, "一致性", "LOS_MISMATCH", 2),
                    line("H001", "2024-03", 7, "完整性", "*", 1),
                    line("H001", "2024-03", 7, "完整性", "REQUIRED_MISSING", 1),
                    line("H001", "2024-03", 7, "规范性", "*", 3),
                    line("H001", "2024-03", 7, "规范性", "DISCHARGE_METHOD_INVALID", 1),
                    line("H001", "2024-03", 7, "规范性", "PRINCIPAL_DX_UNKNOWN", 1),
                    line("H001", "2024-03", 7, "规范性", "SECONDARY_CODE_UNKNOWN", 2),
                    line("H001", "2024-04", 2, "一致性", "*", 1),
                    line("H001", "2024-04", 2, "一致性", "COST_SUM", 1),
                    line("H002", "2024-03", 2, "一致性", "*", 1),
                    line("H002", "2024-03", 2, "一致性", "DUPLICATE_RECORD", 1));
        }
    }

    @Test
    void lines_passRate_isOneMinusFailedOverRows() {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            QualityLine first = new QualityReport(dir).lines().get(0);

            assertThat(first.passRate()).isEqualTo(4.0 / 7);
        }
    }

    @Test
    void totals_everyHospitalAndPeriod_evenWithoutFindings() {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(new QualityReport(dir).totals()).extracting(l -> l.hospitalId() + "|" + l.period() + "|" + l.rows())
                    .containsExactly("H001|2024-03|7", "H001|2024-04|2", "H002|2024-03|2", "H003|2024-05|1");
        }
    }

    @Test
    void lines_afterCorrectedReimport_countOnlyTheCurrentFindings() throws IOException {
        Path fixed = Files.writeString(tmp.resolve("fix.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R4").stay("2024-03-05", "2024-03-10", 5),
                AbstractRow.valid("H001", "R9").stay("2024-04-01", "2024-04-03", 2))));
        Stores.importInto(data, fixed);

        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            List<QualityLine> lines = new QualityReport(dir).lines();
            assertThat(lines).contains(line("H001", "2024-03", 7, "一致性", "*", 2),
                    line("H001", "2024-03", 7, "一致性", "LOS_MISMATCH", 2));
            assertThat(lines).extracting(QualityLine::ruleId).doesNotContain("DATE_ORDER", "COST_SUM");
            assertThat(lines).extracting(QualityLine::period).doesNotContain("2024-04");
        }
    }

    @Test
    void lines_registerAndReportRejects_doNotCountAsAbstractRows() throws IOException {
        Path register = Files.writeString(tmp.resolve("hospitals.csv"), String.join(",", HospitalColumn.header())
                + "\nH001,甲医院,430000,430100,430102,NOWHERE,GENERAL,100\n");
        Path reports = Files.writeString(tmp.resolve("reports.csv"), String.join(",", FacilityReportColumn.header())
                + "\nH001,2024-03,-1,400,600,50,1,1,1,1,1,5,1,1,90,90,1,1\n");
        Stores.importInto(data, register, reports);

        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            QualityReport report = new QualityReport(dir);
            assertThat(report.totals()).extracting(l -> l.hospitalId() + "|" + l.period() + "|" + l.rows())
                    .containsExactly("H001|2024-03|7", "H001|2024-04|2", "H002|2024-03|2", "H003|2024-05|1");
            assertThat(report.lines()).extracting(QualityLine::ruleId).doesNotContain("REGISTER_INVALID", "REPORT_INVALID");
        }
    }
}
