package org.hqd.io.layout;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.grouping.ClinicalCodes;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.io.abstracts.AbstractHeader;
import org.hqd.io.abstracts.AbstractRowParser;
import org.hqd.io.grouping.ResultCsv;

/**
 * Writes a canonical abstracts file again in a layout ({@code hqd generate --layout}): as CSV (in the charset asked
 * for), an Excel workbook (.xlsx, or .xls up to 65,535 rows) or a DBF table. Reads the canonical file twice: once for
 * how many diagnosis and procedure slots the rows need, once to write them; a CSV is written streaming, the other
 * forms are built in memory (a month's file of a hospital, or a demo province).
 */
public final class LayoutFiles {
    /** The form of the written file. */
    public enum Form { CSV, XLSX, XLS, DBF }

    /** @param rows data rows written (a line form writes several per stay) */
    public record Written(Path file, long abstracts, long rows) { }

    private LayoutFiles() {
    }

    /**
     * Writes the abstracts of {@code canonical} to {@code out} in {@code layout}.
     *
     * @param orgCodes hospital id → org code, written in place of the id
     * @param codes    the code map of the scheme, for a layout of 国家临床版 codes
     */
    public static Written write(Path canonical, Layout layout, Map<String, String> orgCodes,
                                Optional<ClinicalCodes> codes, Path out, Form form, Charset charset, int threads)
            throws IOException {
        int[] max = {1, 0};
        read(canonical, threads, a -> new int[] {1 + a.secondaryDx().size(), a.principalProc().isEmpty() ? 0
                : 1 + a.otherProcs().size()}, m -> {
                    max[0] = Math.max(max[0], m[0]);
                    max[1] = Math.max(max[1], m[1]);
                });
        if (layout.lines().isEmpty() && (max[0] > layout.diagnoses().size() || max[1] > layout.procedures().size())) {
            throw new HqdException("格式 " + layout.name() + " 最多容纳 " + layout.diagnoses().size() + " 个诊断、"
                    + layout.procedures().size() + " 个手术操作，病案中有 " + max[0] + " 个诊断、" + max[1] + " 个手术操作");
        }
        LayoutWriter writer = new LayoutWriter(layout, orgCodes, max[0], max[1], codes);
        long[] counts = new long[2];
        if (form == Form.CSV) {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
                o.write(csvLine(writer.header()).getBytes(charset));
                read(canonical, threads, a -> {
                    StringBuilder b = new StringBuilder(1024);
                    List<String[]> rows = writer.rows(a);
                    rows.forEach(r -> b.append(csvLine(List.of(r))));
                    return new Object[] {b.toString().getBytes(charset), rows.size()};
                }, r -> {
                    o.write((byte[]) r[0]);
                    counts[0]++;
                    counts[1] += (Integer) r[1];
                });
            }
            return new Written(out, counts[0], counts[1]);
        }
        List<String[]> all = new ArrayList<>();
        read(canonical, threads, writer::rows, rows -> {
            all.addAll(rows);
            counts[0]++;
        });
        if (form == Form.DBF) {
            dbf(writer.header(), all, out, charset);
        } else {
            workbook(writer.header(), all, out, form == Form.XLS);
        }
        return new Written(out, counts[0], all.size());
    }

    /** Something done with each abstract of a canonical file, its results handed on in file order. */
    private interface PerAbstract<T> {
        T apply(org.hqd.casemix.abstracts.DischargeAbstract a);
    }

    private interface Each<T> {
        void accept(T t) throws IOException;
    }

    private static <T> void read(Path canonical, int threads, PerAbstract<T> f, Each<T> sink) throws IOException {
        try (InputStream in = Files.newInputStream(canonical);
             AbstractFile file = AbstractFile.open(in, canonical.toString(), new AbstractFile.Options(Optional.empty(),
                     Optional.of(Layout.CANONICAL), LayoutCatalog.bundled()))) {
            AbstractHeader header = file.header(java.util.EnumSet.of(AbstractColumn.RECORD_ID));
            file.run(threads, batch -> {
                RecordBatch.Rows rows = batch.rows();
                AbstractRowParser parser = new AbstractRowParser(header);
                List<T> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(f.apply(parser.parse(rows.fields()).abstract_()));
                }
                return out;
            }, list -> {
                for (T t : list) {
                    sink.accept(t);
                }
            });
        }
    }

    private static String csvLine(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            ResultCsv.field(b, fields.get(i));
        }
        return b.append('\n').toString();
    }

    private static void workbook(List<String> header, List<String[]> rows, Path out, boolean xls) throws IOException {
        if (xls && rows.size() > 65_535) {
            throw new HqdException(".xls 最多 65,535 行，要写 " + rows.size() + " 行；请用 .xlsx");
        }
        try (Workbook wb = xls ? new HSSFWorkbook() : new SXSSFWorkbook(1000);
             OutputStream o = Files.newOutputStream(out)) {
            Sheet sheet = wb.createSheet("病案");
            write(sheet.createRow(0), header.toArray(new String[0]));
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            wb.write(o);
        }
    }

    private static void write(Row row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            if (!values[c].isEmpty()) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    /** A DBF table of character fields as wide as their longest value (field names of at most 10 bytes). */
    private static void dbf(List<String> header, List<String[]> rows, Path out, Charset charset) throws IOException {
        DBFField[] fields = new DBFField[header.size()];
        for (int c = 0; c < fields.length; c++) {
            if (header.get(c).getBytes(charset).length > 10) {
                throw new HqdException("DBF 的列名最多 10 个字节，'" + header.get(c) + "' 过长；DBF 请用 hqms-codes 格式");
            }
            int width = 1;
            for (String[] r : rows) {
                width = Math.max(width, r[c].getBytes(charset).length);
            }
            fields[c] = new DBFField(header.get(c), DBFDataType.CHARACTER, Math.min(254, width));
        }
        try (OutputStream o = Files.newOutputStream(out); DBFWriter w = new DBFWriter(o, charset)) {
            w.setFields(fields);
            for (String[] r : rows) {
                w.addRecord(r.clone());
            }
        }
    }
}
