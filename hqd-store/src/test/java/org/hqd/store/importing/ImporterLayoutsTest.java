package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hqd.HqdException;
import org.hqd.hospital.HospitalColumn;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing files in the national layouts: detected encoding, org codes, code mapping, personal data, refusals. */
final class ImporterLayoutsTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "组织机构代码,病案号,姓名,身份证号,电话,性别,年龄,出生日期,入院时间,出院时间,实际住院(天),"
            + "离院方式,出院科别,总费用,主要诊断编码,主要诊断入院病情,其他诊断编码1,其他诊断入院病情1,手术及操作编码1,手术级别1";

    @TempDir
    Path tmp;

    private Path register() throws IOException {
        return Files.writeString(tmp.resolve("hospitals.csv"), String.join(",", HospitalColumn.all()) + "\n"
                + "H001,甲医院,430000,430100,430102,CITY_TERTIARY,GENERAL,800,SYN000001\n"
                + "H002,乙医院,430000,430100,430181,COUNTY,GENERAL,300,\n");
    }

    private Path frontSheet() throws IOException {
        String rows = String.join("\n", HEADER,
                // a clinical-edition secondary diagnosis (A01.000x002 → A01.003); the hospital by its org code
                "SYN000001,BA1,王五,430102199001011234,13800000000,男,34,1990-01-01,2024-03-01 08:00:00,"
                        + "2024-03-06 09:30:00,5,医嘱离院,普外科,10000.00,K35.800x001,1,A01.000x002,4,47.0100,3",
                // a principal diagnosis no map entry and no 医保版 code matches
                "H002,BA2,赵六,430102199202021234,13900000000,女,32,1992-02-02,2024-03-01,2024-03-04,3,1,心内科,"
                        + "5000.00,Q99.999x999,1,,,,",
                // the hospital by its id
                "H002,BA3,孙七,430102199303031234,13700000000,2,31,1993-03-03,2024-03-02,2024-03-05,3,1,骨科,6000.00,"
                        + "I10.x00x002,1,,,,") + "\n";
        return Files.write(tmp.resolve("首页-2024-03.csv"), rows.getBytes(GBK));
    }

    @Test
    void importFile_gbkFrontSheetWithoutOptions_readsItMapsCodesAndOrgCodesAndKeepsNoPersonalData() throws IOException {
        List<ImportSummary> s = Stores.importInto(tmp.resolve("data"), register(), frontSheet());

        ImportSummary abstracts = s.get(1);
        assertThat(abstracts.readAs()).isEqualTo("hqms-chinese（住院病案首页（中文列名）），CSV GBK（自动识别）");
        assertThat(List.of(abstracts.read(), abstracts.imported(), abstracts.rejected(), abstracts.mappedRows()))
                .containsExactly(3L, 2L, 1L, 1L);
        assertThat(abstracts.findingsByRule()).containsEntry("PRINCIPAL_DX_UNMAPPED", 1L)
                .doesNotContainKey("PRINCIPAL_DX_UNKNOWN");
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id, record_id, sex, department, discharge_method, "
                    + "admission_date, principal_dx, secondary_dx, admission_conditions, proc_levels, mapped_codes, status "
                    + "FROM cases ORDER BY record_id")).containsExactly(
                    "H001|BA1|1|普外科|1|2024-03-01|K35.800x001|A01.003|1|4|3|A01.000x002>A01.003|GROUPED",
                    "H002|BA3|2|骨科|1|2024-03-02|I10.x00x002|NULL|1|NULL|NULL|GROUPED");
            assertThat(Stores.rows(dir.connection(), "SELECT record_id, rule_id, message FROM rejects")).containsExactly(
                    "BA2|PRINCIPAL_DX_UNMAPPED|主要诊断为国家临床版编码，映射表中没有对应的医保版编码：Q99.999x999");
            for (String personal : List.of("王五", "赵六", "13800000000", "430102199001011234")) {
                for (String table : List.of("case_records", "quality_findings", "import_batches")) {
                    assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM " + table + " t WHERE CAST(t AS "
                            + "VARCHAR) LIKE '%" + personal + "%'")).as(personal + " in " + table).isZero();
                }
            }
            assertThat(Stores.number(dir.connection(), "SELECT count(DISTINCT patient_id) FROM cases")).isEqualTo(2);
        }
    }

    @Test
    void importFile_vendorLayoutInTheDataDirectory_isRecognised() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve(Importer.LAYOUTS_FOLDER));
        Files.writeString(data.resolve(Importer.LAYOUTS_FOLDER).resolve("vendor.json"), """
                {"format": "hqd-layout/1", "name": "vendor-a", "title": "某厂商导出", "extends": "hqms-chinese",
                 "recognise": ["住院号", "主诊断编码"],
                 "aliases": {"病案号": ["住院号"], "主要诊断编码": ["主诊断编码"]}, "codes": {"sex": {"M": "1", "F": "2"}}}
                """);
        Path file = Files.writeString(tmp.resolve("v.csv"), HEADER.replace("病案号", "住院号")
                .replace("主要诊断编码", "主诊断编码") + "\n" + "H002,BA9,某某,1,1,F,40,1984-01-01,2024-03-01,2024-03-04,3,"
                + "1,心内科,5000.00,I10.x00x002,1,,,,\n");

        ImportSummary s = Stores.importInto(data, register(), file).get(1);

        assertThat(s.readAs()).startsWith("vendor-a（某厂商导出）");
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT record_id, sex FROM cases")).containsExactly("BA9|2");
        }
    }

    /** Issue #15 item 10: a column every row needs is missing from the header: refused, nothing written. */
    @Test
    void importFile_canonicalFileWithoutTotalCost_isRefusedNamingItAndWritesNothing() throws IOException {
        String full = AbstractRow.file(List.of(AbstractRow.valid("H001", "R1")));
        List<String> lines = full.lines().toList();
        int at = List.of(lines.get(0).split(",")).indexOf("total_cost");
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            List<String> f = new java.util.ArrayList<>(List.of(line.split(",", -1)));
            f.remove(at);
            b.append(String.join(",", f)).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("no-total.csv"), b.toString());

        assertThatThrownBy(() -> Stores.importInto(tmp.resolve("data"), file)).isInstanceOf(HqdException.class)
                .hasMessageContaining("no-total.csv：缺少必需的列 总费用(total_cost)");
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM import_batches")).isZero();
        }
    }

    @Test
    void importFile_fileOfNoLayout_namesTheClosestAndWritesNothing() throws IOException {
        Path file = Files.writeString(tmp.resolve("x.csv"), "清单流水号,定点医药机构编码,病案号\nS1,H001,B1\n");

        assertThatThrownBy(() -> Stores.importInto(tmp.resolve("data"), file)).isInstanceOf(HqdException.class)
                .hasMessageContaining("x.csv：无法识别文件格式（表头不是任何已知格式）。最接近的是 settlement-flat")
                .hasMessageContaining("缺少列 主要诊断代码");
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM import_batches")).isZero();
        }
    }
}
