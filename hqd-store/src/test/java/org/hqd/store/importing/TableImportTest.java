package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hqd.HqdException;
import org.hqd.hospital.FacilityReportColumn;
import org.hqd.hospital.HospitalColumn;
import org.hqd.intake.FileKind;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hospital register and facility reports: recognised, checked, replaced by key. */
final class TableImportTest {
    static final String REGISTER_HEADER = String.join(",", HospitalColumn.header());
    static final String REPORT_HEADER = String.join(",", FacilityReportColumn.header());

    /** Three good rows (lower-case tier and type are accepted) and six bad ones, lines 5–10. */
    static final String REGISTER = REGISTER_HEADER + "\n"
            + "H001,长沙市第一医院,430000,430100,430102,CITY_TERTIARY,GENERAL,1200\n"
            + "H002,浏阳市人民医院,430000,430100,430181,county,general,600\n"
            + "H003,\"湘雅医院, 本部\",430000,430100,430105,NATIONAL_CENTER,GENERAL,\n"
            + ",无编码医院,430000,430100,430102,COUNTY,GENERAL,100\n"
            + "H005,某乡镇卫生院,430000,430100,430102,TOWNSHIP,GENERAL,100\n"
            + "H006,某诊所,430000,430100,430102,COUNTY,CLINIC,100\n"
            + "H007,某医院,430000,430100,430102,COUNTY,GENERAL,-5\n"
            + "H008,某医院,430000,430100,430102,COUNTY,GENERAL,很多\n"
            + "H009,某医院,430000,430100,430102,COUNTY,GENERAL,100,多余\n";

    /** Two good rows and five bad ones, lines 4–8. */
    static final String REPORTS = REPORT_HEADER + "\n"
            + "H001,2024-03,1200,400,600,50,150000000.00,120000000.50,110000000,45000000,3000000,5,80000,40000,"
            + "92.5,88,30000000,40000000\n"
            + "H002,2024-03,600,150,260,20,40000000,32000000,30000000,12000000,900000,4,30000,9000,90,85,,\n"
            + "H001,2024-13,1200,400,600,50,1,1,1,1,1,5,1,1,90,90,1,1\n"
            + "H001,202404,1200,400,600,50,1,1,1,1,1,5,1,1,90,90,1,1\n"
            + "H001,2024-05,-1,400,600,50,1,1,1,1,1,5,1,1,90,90,1,1\n"
            + "H001,2024-06,1200,很多,600,50,1,1,1,1,1,5,1,1,90,90,1,1\n"
            + ",2024-07,1200,400,600,50,1,1,1,1,1,5,1,1,90,90,1,1\n";

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void importFile_registerMarkedSynthetic_directoryHoldsSyntheticDataAndTheMarkIsNotStored() throws IOException {
        Path data = tmp.resolve("data");
        Stores.importInto(data, write("real.csv", REGISTER_HEADER + "\nH001,某医院,430000,430100,430102,COUNTY,GENERAL,100\n"));
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(dir.synthetic()).isFalse();
        }
        // a marked row that is rejected does not mark the directory; an accepted one does
        Stores.importInto(data, write("bad.csv", REGISTER_HEADER + ",synthetic\nH002,示例,990000,990100,990102,TOWN,GENERAL,1,1\n"));
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(dir.synthetic()).isFalse();
        }
        Stores.importInto(data, write("gen.csv", REGISTER_HEADER + ",synthetic\nH003,甲市第一人民医院,990000,990100,990102,"
                + "CITY_TERTIARY,GENERAL,800,1\n"));
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(dir.synthetic()).isTrue();
            assertThat(Stores.rows(dir.connection(), "SELECT * FROM hospitals WHERE hospital_id = 'H003'"))
                    .containsExactly("H003|甲市第一人民医院|990000|990100|990102|CITY_TERTIARY|GENERAL|800|NULL");
        }
    }

    @Test
    void importFile_register_keepsGoodRowsAndRejectsEachBadOne() throws IOException {
        ImportSummary s = Stores.importInto(tmp.resolve("data"), write("hospitals.csv", REGISTER)).get(0);

        assertThat(s.kind()).isEqualTo(FileKind.HOSPITALS);
        assertThat(List.of(s.read(), s.imported(), s.replaced(), s.rejected())).containsExactly(9L, 3L, 0L, 6L);
        assertThat(s.findingsByRule()).isEqualTo(Map.of("REGISTER_INVALID", 6L));
        assertThat(s.rejectsFile()).contains(tmp.resolve("data/rejects/batch-1-hospitals.rejects.csv"));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT * FROM hospitals ORDER BY hospital_id")).containsExactly(
                    "H001|长沙市第一医院|430000|430100|430102|CITY_TERTIARY|GENERAL|1200|NULL",
                    "H002|浏阳市人民医院|430000|430100|430181|COUNTY|GENERAL|600|NULL",
                    "H003|湘雅医院, 本部|430000|430100|430105|NATIONAL_CENTER|GENERAL|NULL|NULL");
            String m = "医院名册行无效（编码缺失或层级、类别、床位数取值无效）：";
            assertThat(Stores.rows(dir.connection(), "SELECT * FROM rejects ORDER BY line")).containsExactly(
                    "hospitals.csv|5|NULL|NULL|REGISTER_INVALID|ERROR|" + m + "hospital_id 缺失",
                    "hospitals.csv|6|H005|NULL|REGISTER_INVALID|ERROR|" + m + "tier 取值 'TOWNSHIP' 无效",
                    "hospitals.csv|7|H006|NULL|REGISTER_INVALID|ERROR|" + m + "type 取值 'CLINIC' 无效",
                    "hospitals.csv|8|H007|NULL|REGISTER_INVALID|ERROR|" + m + "beds 不是非负整数：'-5'",
                    "hospitals.csv|9|H008|NULL|REGISTER_INVALID|ERROR|" + m + "beds 不是非负整数：'很多'",
                    "hospitals.csv|10|H009|NULL|REGISTER_INVALID|ERROR|" + m + "有 9 个字段，表头有 8 个（逗号未加引号或行被截断）");
            assertThat(Stores.rows(dir.connection(), "SELECT kind, rows_read, rows_imported, rows_rejected "
                    + "FROM import_batches")).containsExactly("HOSPITALS|9|3|6");
        }
    }

    @Test
    void importFile_facilityReports_keepsGoodRowsAndRejectsEachBadOne() throws IOException {
        ImportSummary s = Stores.importInto(tmp.resolve("data"), write("reports.csv", REPORTS)).get(0);

        assertThat(s.kind()).isEqualTo(FileKind.FACILITY_REPORTS);
        assertThat(List.of(s.read(), s.imported(), s.replaced(), s.rejected())).containsExactly(7L, 2L, 0L, 5L);
        assertThat(s.findingsByRule()).isEqualTo(Map.of("REPORT_INVALID", 5L));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.columns(dir.connection(), "facility_reports"))
                    .containsExactlyElementsOf(FacilityReportColumn.header());
            assertThat(Stores.rows(dir.connection(), "SELECT * FROM facility_reports ORDER BY hospital_id"))
                    .containsExactly(
                    "H001|2024-03|1200|400|600|50|1.5E8|1.200000005E8|1.1E8|4.5E7|3000000.0|5|80000|40000|92.5|88.0"
                            + "|3.0E7|4.0E7",
                    "H002|2024-03|600|150|260|20|4.0E7|3.2E7|3.0E7|1.2E7|900000.0|4|30000|9000|90.0|85.0|NULL|NULL");
            String m = "机构报表行无效（编码或报告期缺失，或数值无效）：";
            assertThat(Stores.rows(dir.connection(), "SELECT line, hospital_id, rule_id, message FROM rejects "
                    + "ORDER BY line")).containsExactly(
                    "4|H001|REPORT_INVALID|" + m + "period 应为 YYYY-MM：'2024-13'",
                    "5|H001|REPORT_INVALID|" + m + "period 应为 YYYY-MM：'202404'",
                    "6|H001|REPORT_INVALID|" + m + "beds 不是非负整数：'-1'",
                    "7|H001|REPORT_INVALID|" + m + "physicians 不是非负整数：'很多'",
                    "8|NULL|REPORT_INVALID|" + m + "hospital_id 缺失");
            assertThat(Stores.rows(dir.connection(), "SELECT line, period FROM quality_findings ORDER BY line"))
                    .containsExactly("4|2024-13", "5|202404", "6|2024-05", "7|2024-06", "8|2024-07");
        }
    }

    @Test
    void importFile_registerAgainWithOneRowChanged_replacesIt() throws IOException {
        String changed = REGISTER.replace("H002,浏阳市人民医院,430000,430100,430181,county,general,600",
                "H002,浏阳市人民医院,430000,430100,430181,CITY_TERTIARY,GENERAL,800")
                + "H010,新医院,430000,430100,430102,COUNTY,TCM,50\n";

        List<ImportSummary> s = Stores.importInto(tmp.resolve("data"), write("v1.csv", REGISTER),
                write("v1-copy.csv", REGISTER), write("v2.csv", changed));

        assertThat(s.get(1).alreadyImported()).isTrue();
        assertThat(s.get(1).batchId()).isEqualTo(1);
        assertThat(s.get(2).batchId()).isEqualTo(2);
        assertThat(List.of(s.get(2).read(), s.get(2).imported(), s.get(2).rejected())).containsExactly(10L, 1L, 6L);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id, tier, type, beds FROM hospitals "
                    + "ORDER BY hospital_id")).containsExactly("H001|CITY_TERTIARY|GENERAL|1200",
                    "H002|CITY_TERTIARY|GENERAL|800", "H003|NATIONAL_CENTER|GENERAL|NULL", "H010|COUNTY|TCM|50");
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM import_batches")).isEqualTo(2);
        }
    }

    @Test
    void importFile_registerAgainWithOneRowChanged_saysOneReplacedTwoUnchanged() throws IOException {
        String changed = REGISTER.replace("county,general,600", "CITY_TERTIARY,GENERAL,800");

        ImportSummary s = Stores.importInto(tmp.resolve("data"), write("v1.csv", REGISTER), write("v2.csv", changed))
                .get(1);

        assertThat(List.of(s.imported(), s.replaced(), s.unchanged())).containsExactly(0L, 1L, 2L);
    }

    @Test
    void importFile_facilityReportAgainWithOneRowChanged_replacesItByHospitalAndPeriod() throws IOException {
        String april = REPORT_HEADER + "\nH001,2024-04,1210,401,600,50,1,1,1,1,1,5,1,1,90,90,1,1\n"
                + "H002,2024-03,650,150,260,20,40000000,32000000,30000000,12000000,900000,5,30000,9000,90,85,,\n";

        ImportSummary s = Stores.importInto(tmp.resolve("data"), write("march.csv", REPORTS), write("april.csv", april))
                .get(1);

        assertThat(List.of(s.read(), s.imported(), s.replaced(), s.rejected())).containsExactly(2L, 1L, 1L, 0L);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id, period, beds, emr_level FROM "
                    + "facility_reports ORDER BY 1, 2")).containsExactly("H001|2024-03|1200|5", "H001|2024-04|1210|5",
                    "H002|2024-03|650|5");
        }
    }

    @Test
    void importFile_registerOverOneKibWithoutFinalLineEnd_importsTheLastRow() throws IOException {
        StringBuilder b = new StringBuilder(REGISTER_HEADER).append('\n');
        for (int i = 1; i <= 30; i++) {
            b.append(String.format("H%03d,医院%d,430000,430100,430102,COUNTY,GENERAL,100%n", i, i));
        }
        String text = b.toString().strip();
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1024);

        ImportSummary s = Stores.importInto(tmp.resolve("data"), write("hospitals.csv", text)).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(30L, 30L, 0L);
    }

    @Test
    void importFile_smallRegisterWithTruncatedLastLine_rejectsIt() throws IOException {
        String text = REGISTER_HEADER + "\nH001,甲医院,430000,430100,430102,COUNTY,GENERAL,100\nH002,乙医院,4300";

        ImportSummary s = Stores.importInto(tmp.resolve("data"), write("hospitals.csv", text)).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(2L, 1L, 1L);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT line, hospital_id, message FROM rejects"))
                    .containsExactly("3|H002|医院名册行无效（编码缺失或层级、类别、床位数取值无效）：有 3 个字段，表头有 8 个（逗号未加引号或行被截断）");
        }
    }

    @Test
    void importFile_registerWithRepeatedHospital_rejectsTheRepeat() throws IOException {
        String text = REGISTER_HEADER + "\nH001,甲医院,430000,430100,430102,COUNTY,GENERAL,100\n"
                + "H002,乙医院,430000,430100,430102,COUNTY,GENERAL,100\n"
                + "H001,甲医院（新名）,430000,430100,430102,COUNTY,GENERAL,300\n";

        ImportSummary s = Stores.importInto(tmp.resolve("data"), write("hospitals.csv", text)).get(0);

        assertThat(s.read()).isEqualTo(s.imported() + s.replaced() + s.rejected());
        assertThat(s.rejected()).isEqualTo(1);
    }

    @Test
    void importFile_registerWithBedsOutOfRange_rejectsTheRows() throws IOException {
        String text = REGISTER_HEADER + "\nH001,甲医院,430000,430100,430102,COUNTY,GENERAL,100\n"
                + "H002,乙医院,430000,430100,430102,COUNTY,GENERAL,3000000000\n"
                + "H003,丙医院,430000,430100,430102,COUNTY,GENERAL,12d\n";

        ImportSummary s = Stores.importInto(tmp.resolve("data"), write("hospitals.csv", text)).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(3L, 1L, 2L);
    }

    @Test
    void importFile_registerMissingAColumn_failsNamingIt() throws IOException {
        Path file = write("hospitals.csv", "hospital_id,name,tier,type\nH001,甲医院,COUNTY,GENERAL\n");

        assertThatThrownBy(() -> Stores.importInto(tmp.resolve("data"), file))
                .isInstanceOf(HqdException.class)
                .hasMessageContaining("hospitals.csv：医院名册缺少列 province_code、city_code、county_code、beds");
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM import_batches")).isZero();
        }
    }

    @Test
    void importFile_registerWithOrgCodes_keepsThemInTheHospitalsView() throws IOException {
        Path file = write("hospitals.csv", REGISTER_HEADER + ",org_code\n"
                + "H001,甲医院,430000,430100,430102,COUNTY,GENERAL,100,SYN000001\n"
                + "H002,乙医院,430000,430100,430102,COUNTY,GENERAL,100,\n");

        Stores.importInto(tmp.resolve("data"), file);

        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id, org_code FROM hospitals ORDER BY 1"))
                    .containsExactly("H001|SYN000001", "H002|NULL");
        }
    }

    /** Issue #15 item 10: a column given twice is refused, not one of them used silently. */
    @Test
    void importFile_registerWithAColumnTwice_failsNamingItAndWritesNothing() throws IOException {
        Path file = write("hospitals.csv", REGISTER_HEADER + ",tier\n"
                + "H001,甲医院,430000,430100,430102,COUNTY,GENERAL,100,CITY_TERTIARY\n");

        assertThatThrownBy(() -> Stores.importInto(tmp.resolve("data"), file))
                .isInstanceOf(HqdException.class)
                .hasMessageContaining("hospitals.csv：表头中列 tier 出现两次（第 6 列和第 9 列）");
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM import_batches")).isZero();
        }
    }
}
