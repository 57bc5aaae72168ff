package org.hqd.io.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.HomepageFee;
import org.hqd.casemix.abstracts.HomepageFees;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.io.abstracts.ParsedAbstract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class AbstractFileTest {
    private static final Charset GBK = Charset.forName("GBK");

    /** What the sample front-sheet row reads as, worked out by hand from its fee items and slots. */
    private static void assertSampleRow(DischargeAbstract a) {
        assertThat(a.hospitalId()).isEqualTo("SYN000001");
        assertThat(a.recordId()).isEqualTo("BA001");
        assertThat(a.patientId()).isEqualTo("110101199001011234");
        assertThat(a.admissionDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(a.department()).isEqualTo("普外科");
        assertThat(a.payer()).isEqualTo("1"); // 医疗付款方式 as the national code (YLFKFS), the canonical payer
        assertThat(a.principalDx()).isEqualTo("K35.800x001");
        assertThat(a.secondaryDx()).containsExactly("I10.x00x002");
        assertThat(a.admissionConditions()).containsExactly("1", "4");
        assertThat(a.principalProc()).isEqualTo("47.0100");
        assertThat(a.otherProcs()).isEmpty();
        assertThat(a.procLevels()).containsExactly(3);
        assertThat(a.procDates()).containsExactly("2024-03-02");
        assertThat(a.woundClasses()).containsExactly("2");
        assertThat(a.woundHealing()).containsExactly("1");
        assertThat(a.anaesthesia()).containsExactly("01");
        assertThat(a.totalCost()).isEqualTo(8800.0);
        assertThat(a.selfPay()).isEqualTo(1200.5);
        // 一般医疗服务费 → general service; 一般治疗操作费 + 非手术治疗项目费 (+ 康复, 中医) → treatment; 病理 + 实验室 → lab;
        // 影像 + 临床诊断 → exam; 综合类其他 + 血液类 + 其他类 → other; the sub-items are not added again
        Charges c = a.charges();
        assertThat(c).isEqualTo(Charges.of(0, 0, 950, 650, 700, 2000, 200, 1500, 1800, 100, 200, 500, 0, 200));
        assertThat(c.total()).isEqualTo(a.totalCost());
        assertThat(c.drugs()).isEqualTo(1800 + 300); // 西药类 + 中药类
        HomepageFees f = a.homepageFees();
        assertThat(f).isEqualTo(HomepageFees.of(1100, 1600, 2400, 0, 0, 1800, 300, 0, 1500, 100, 600, 100, 300, 1500));
        assertThat(f.get(HomepageFee.DIAGNOSIS)).isEqualTo(c.get(ChargeCategory.EXAM) + c.get(ChargeCategory.LAB));
        assertThat(f.get(HomepageFee.CONSUMABLES)).isEqualTo(c.get(ChargeCategory.MATERIAL));
    }

    @Nested
    final class FrontSheetCodes {
        @Test
        void open_gbkCsvWithoutCharset_isDetectedRecognisedAndReadAsTheCanonicalAbstract() throws IOException {
            byte[] file = LayoutSamples.csv(LayoutSamples.HQMS_HEADER, List.of(LayoutSamples.HQMS_ROW)).getBytes(GBK);

            List<ParsedAbstract> rows = LayoutSamples.parse(file, "首页.csv");

            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).problems()).isEmpty();
            assertSampleRow(rows.get(0).abstract_());
        }

        @Test
        void open_describesLayoutAndEncoding() throws IOException {
            byte[] file = LayoutSamples.csv(LayoutSamples.HQMS_HEADER, List.of(LayoutSamples.HQMS_ROW)).getBytes(GBK);
            try (AbstractFile f = AbstractFile.open(new ByteArrayInputStream(file), "a.csv",
                    AbstractFile.Options.defaults())) {
                assertThat(f.describe()).isEqualTo("hqms-codes（住院病案首页（卫统4-1 / HQMS 接口字段代码）），CSV GBK（自动识别）");
            }
        }

        @Test
        void open_xlsxAndXls_readTheSameRow() throws IOException {
            for (boolean xls : new boolean[] {false, true}) {
                byte[] file = workbook(xls);
                List<ParsedAbstract> rows = LayoutSamples.parse(file, xls ? "a.xls" : "a.xlsx");

                assertThat(rows).hasSize(1);
                assertSampleRow(rows.get(0).abstract_());
            }
        }

        @Test
        void open_gbkDbf_readsTheSameRow() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DBFWriter w = new DBFWriter(out, GBK)) {
                DBFField[] fields = new DBFField[LayoutSamples.HQMS_HEADER.size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = new DBFField(LayoutSamples.HQMS_HEADER.get(i), DBFDataType.CHARACTER, 30);
                }
                w.setFields(fields);
                w.addRecord(LayoutSamples.HQMS_ROW.toArray());
            }

            List<ParsedAbstract> rows = LayoutSamples.parse(out.toByteArray(), "a.dbf");

            assertThat(rows).hasSize(1);
            assertSampleRow(rows.get(0).abstract_());
        }

        private byte[] workbook(boolean xls) throws IOException {
            try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook()) {
                Sheet s = wb.createSheet("首页");
                Row h = s.createRow(0);
                Row r = s.createRow(1);
                for (int i = 0; i < LayoutSamples.HQMS_HEADER.size(); i++) {
                    h.createCell(i).setCellValue(LayoutSamples.HQMS_HEADER.get(i));
                    String v = LayoutSamples.HQMS_ROW.get(i);
                    String name = LayoutSamples.HQMS_HEADER.get(i);
                    if (name.equals("CSRQ")) { // a date cell
                        org.apache.poi.ss.usermodel.Cell c = r.createCell(i);
                        c.setCellValue(LocalDate.parse(v));
                        org.apache.poi.ss.usermodel.CellStyle style = wb.createCellStyle();
                        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
                        c.setCellStyle(style);
                    } else if (!v.isEmpty() && (name.matches("[A-Z]*F1?") || name.equals("NL") || name.equals("ZFJE"))) {
                        r.createCell(i).setCellValue(Double.parseDouble(v)); // amounts and ages as numeric cells
                    } else if (!v.isEmpty()) {
                        r.createCell(i).setCellValue(v);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                return out.toByteArray();
            }
        }
    }

    @Nested
    final class SettlementLines {
        private static final List<String> HEADER = List.of("清单流水号", "定点医药机构编码", "病案号", "性别", "年龄",
                "出院时间", "诊断代码", "入院病情", "主诊断标志", "手术操作代码", "手术操作日期", "主手术标志");

        @Test
        void open_linesOfTwoStays_putsEachTogetherPrincipalFirstRepeatsOnce() throws IOException {
            String file = LayoutSamples.csv(HEADER, List.of(
                    List.of("S1", "H1", "BA1", "1", "40", "2024-03-06", "I10.x00x002", "4", "0", "", "", ""),
                    List.of("S1", "H1", "BA1", "1", "40", "2024-03-06", "K35.800x001", "1", "1", "47.0100", "2024-03-02",
                            "1"),
                    List.of("S1", "H1", "BA1", "1", "40", "2024-03-06", "I10.x00x002", "4", "0", "", "", ""),
                    List.of("S2", "H1", "BA2", "2", "30", "2024-03-07", "J18.900", "1", "1", "", "", "")));

            List<ParsedAbstract> rows = LayoutSamples.parse(file.getBytes(StandardCharsets.UTF_8), "清单.csv");

            assertThat(rows).extracting(r -> r.abstract_().recordId()).containsExactly("BA1", "BA2");
            assertThat(rows).extracting(ParsedAbstract::line).containsExactly(2L, 5L);
            DischargeAbstract s1 = rows.get(0).abstract_();
            assertThat(s1.principalDx()).isEqualTo("K35.800x001");
            assertThat(s1.secondaryDx()).containsExactly("I10.x00x002");
            assertThat(s1.admissionConditions()).containsExactly("1", "4");
            assertThat(s1.principalProc()).isEqualTo("47.0100");
            assertThat(s1.procDates()).containsExactly("2024-03-02");
            assertThat(rows.get(1).abstract_().principalDx()).isEqualTo("J18.900");
            assertThat(rows).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        }
    }

    @Nested
    final class Refusals {
        @Test
        void open_headerOfNoLayout_namesTheClosestAndWhatItLacks() {
            byte[] file = "BAH,XB,CYSJ\nB1,1,2024-03-01\n".getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> LayoutSamples.parse(file, "x.csv"))
                    .isInstanceOf(UnknownLayoutException.class)
                    .hasMessageContaining("x.csv：无法识别文件格式（表头不是任何已知格式）。最接近的是 hqms-codes")
                    .hasMessageContaining("缺少列 JBDM")
                    .satisfies(e -> assertThat(((UnknownLayoutException) e).closest().layout().name())
                            .isEqualTo("hqms-codes"));
        }

        @Test
        void run_gbkAfterAnAsciiStart_isRefusedWithAHintInsteadOfStoredAsReplacementCharacters() {
            StringBuilder b = new StringBuilder("hospital_id,record_id,principal_dx,department\n");
            for (int i = 0; i < 60; i++) {
                b.append("H1,R").append(i).append(",K35.800x001,surgery\n");
            }
            byte[] ascii = b.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] gbk = "H1,R99,K35.800x001,骨科\n".getBytes(GBK);
            byte[] file = java.util.Arrays.copyOf(ascii, ascii.length + gbk.length);
            System.arraycopy(gbk, 0, file, ascii.length, gbk.length);

            assertThatThrownBy(() -> LayoutSamples.parse(file, "mixed.csv"))
                    .isInstanceOf(HqdException.class)
                    .hasMessageContaining("mixed.csv：第 ")
                    .hasMessageContaining("行起的内容不是 UTF-8 编码的文本（文件开头按 UTF-8 识别）：请确认文件的编码，用 --encoding 指明");
        }

        @Test
        void open_gbkFileNamedUtf8_isRefused() {
            byte[] file = "hospital_id,record_id,principal_dx,department\nH1,R1,K35.800x001,骨科\n".getBytes(GBK);

            assertThatThrownBy(() -> LayoutSamples.parse(file, "g.csv", Optional.of(StandardCharsets.UTF_8),
                    Optional.empty())).isInstanceOf(HqdException.class)
                    .hasMessageContaining("g.csv：第 1 行起的内容不是 UTF-8 编码的文本：请确认文件的编码");
        }

        @Test
        void header_usedColumnTwice_isRefused() throws IOException {
            byte[] file = "BAH,JBDM,CYSJ,JBDM\nB1,K35.800x001,2024-03-01,I10.x00x002\n".getBytes(StandardCharsets.UTF_8);
            try (AbstractFile f = AbstractFile.open(new ByteArrayInputStream(file), "d.csv",
                    AbstractFile.Options.defaults())) {
                assertThatThrownBy(() -> f.header(java.util.EnumSet.of(
                        org.hqd.casemix.abstracts.AbstractColumn.RECORD_ID))).isInstanceOf(HqdException.class)
                        .hasMessageContaining("d.csv：表头中列 JBDM 出现两次");
            }
        }

        @Test
        void header_requiredColumnMissing_namesWhereTheLayoutExpectsIt() throws IOException {
            byte[] file = "BAH,JBDM,CYSJ\nB1,K35.800x001,2024-03-01\n".getBytes(StandardCharsets.UTF_8);
            try (AbstractFile f = AbstractFile.open(new ByteArrayInputStream(file), "m.csv",
                    new AbstractFile.Options(Optional.empty(), Optional.empty(), LayoutCatalog.bundled()))) {
                assertThatThrownBy(() -> f.header(org.hqd.casemix.abstracts.AbstractColumn.FOR_IMPORT))
                        .isInstanceOf(HqdException.class)
                        .hasMessageContaining("m.csv：按格式 hqms-codes（住院病案首页（卫统4-1 / HQMS 接口字段代码））缺少必需的列 "
                                + "医疗机构编码(hospital_id)：ZZJGDM 或 JGDM；性别(sex)：XB");
            }
        }
    }
}
