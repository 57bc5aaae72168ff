package org.hqd.io.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.hqd.HqdException;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;

/**
 * A small table read whole from a CSV file (UTF-8 by default, or the charset given; a file that is not in it says
 * so) or from the first sheet of an Excel workbook (.xlsx, .xls): its header (lower case) and its rows, each with
 * its line number and cells by column. Blank lines and blank sheet rows are skipped; a row with more or fewer
 * fields than the header is a problem of that row, reported with it, not an error of the file.
 */
public final class TableFile {
    /** A row: its line (1 = header), its cells by lower-case column name, and what is wrong with its shape, if anything. */
    public record Row(int line, Map<String, String> cells, Optional<String> problem) { }

    private final List<String> header;
    private final List<Row> rows;

    private TableFile(List<String> header, List<Row> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Reads a file's bytes: Excel by its name (.xlsx, .xls) or its signature, CSV otherwise. */
    public static TableFile read(String name, byte[] bytes, Charset charset, List<String> required) {
        if (bytes.length == 0) {
            throw new HqdException(name + " 是空文件");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean excel = lower.endsWith(".xlsx") || lower.endsWith(".xls")
                || (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4);
        TableFile t = excel ? excel(name, bytes) : csv(name, bytes, charset);
        List<String> missing = required.stream().filter(c -> !t.header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new HqdException(name + " 缺少列 " + String.join("、", missing) + "（应有列：" + String.join(",", required)
                    + "；实际表头：" + String.join(",", t.header) + "）");
        }
        return t;
    }

    private static TableFile csv(String name, byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new HqdException(name + " 不是 " + charset.name() + " 编码的文本" + (charset.equals(StandardCharsets.UTF_8)
                    ? "：财务系统导出的文件常为 GBK 编码，请加 --encoding GBK" : "：请用 --encoding 指明它的编码"));
        }
        try {
            CsvChunkReader reader = new CsvChunkReader(new ByteArrayInputStream(bytes), 1 << 16, name);
            Optional<CsvChunk> chunk = reader.next();
            List<String> header = CsvScanner.header(chunk, charset, name).stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            List<Row> rows = new ArrayList<>();
            CsvScanner s = new CsvScanner(charset);
            boolean first = true;
            for (; chunk.isPresent(); chunk = reader.next()) {
                s.reset(chunk.get());
                while (s.next()) {
                    if (first) {
                        first = false;
                        continue;
                    }
                    List<String> fields = s.fields();
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (int i = 0; i < header.size() && i < fields.size(); i++) {
                        cells.putIfAbsent(header.get(i), fields.get(i).strip());
                    }
                    String shape = s.shapeProblem(header.size());
                    Optional<String> problem = shape.isEmpty() ? Optional.empty() : Optional.of(shape);
                    rows.add(new Row((int) s.line(), cells, problem));
                }
            }
            return new TableFile(header, rows);
        } catch (IOException e) {
            throw new HqdException(name + " 无法读取：" + e.getMessage(), e);
        }
    }

    private static TableFile excel(String name, byte[] bytes) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() == 0) {
                throw new HqdException(name + " 中没有工作表");
            }
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> fields = new ArrayList<>();
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                    fields.add(text(r.getCell(c), format));
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = fields.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.putIfAbsent(header.get(i), i < fields.size() ? fields.get(i).strip() : "");
                }
                rows.add(new Row(r.getRowNum() + 1, cells, Optional.empty()));
            }
            if (header == null) {
                throw new HqdException(name + " 的第一个工作表是空的");
            }
            return new TableFile(header, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof HqdException h) {
                throw h;
            }
            throw new HqdException(name + " 不是可读取的 Excel 文件：" + e.getMessage(), e);
        }
    }

    /** A cell as text: numbers without a thousands separator or exponent ("1234.5"), formulas by their value. */
    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            return java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (type == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        return format.formatCellValue(cell);
    }
}
