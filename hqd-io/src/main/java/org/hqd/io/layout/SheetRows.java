package org.hqd.io.layout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.hqd.HqdException;

/**
 * The rows of the first sheet of an Excel workbook (.xlsx or .xls): the first row with content is the header;
 * numbers are written plainly ("1234.5", no exponent), date cells as {@code YYYY-MM-DD} (with the time when it is
 * not midnight), formulas by their cached value. The workbook is read whole (a month's file of a hospital).
 */
final class SheetRows implements RowSource {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Workbook workbook;
    private final Iterator<org.apache.poi.ss.usermodel.Row> rows;
    private final DataFormatter format = new DataFormatter(Locale.ROOT);
    private final List<String> header;

    SheetRows(byte[] bytes, String source) {
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new HqdException(source + " 不是可读取的 Excel 文件：" + e.getMessage(), e);
        }
        if (workbook.getNumberOfSheets() == 0) {
            throw new HqdException(source + " 中没有工作表");
        }
        rows = workbook.getSheetAt(0).iterator();
        List<String> h = null;
        while (h == null && rows.hasNext()) {
            String[] v = values(rows.next());
            if (!blank(v)) {
                h = List.of(v);
            }
        }
        if (h == null) {
            throw new HqdException(source + " 的第一个工作表是空的，没有表头");
        }
        header = h;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Optional<Row> next() {
        while (rows.hasNext()) {
            org.apache.poi.ss.usermodel.Row r = rows.next();
            String[] v = values(r);
            if (!blank(v)) {
                String[] shaped = v.length < header.size() ? java.util.Arrays.copyOf(v, header.size()) : v;
                return Optional.of(new Row(r.getRowNum() + 1, shaped));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private String[] values(org.apache.poi.ss.usermodel.Row r) {
        int n = Math.max(0, r.getLastCellNum());
        List<String> out = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            out.add(text(r.getCell(c)));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // trailing empty cells are not fields of their own
        }
        return out.toArray(new String[0]);
    }

    private static boolean blank(String[] v) {
        for (String s : v) {
            if (s != null && !s.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime t = cell.getLocalDateTimeCellValue();
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.format(DATE_TIME);
        }
        if (type == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (type == CellType.BOOLEAN) {
            return cell.getBooleanCellValue() ? "1" : "0";
        }
        return type == CellType.BLANK ? "" : format.formatCellValue(cell);
    }
}
