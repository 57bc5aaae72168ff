package org.hqd.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hqd.hospital.SyntheticData;

/**
 * {@code POST /api/export}: a table of a page as an Excel workbook (audited). The body
 * {@code {"title", "header": [...], "rows": [[...], ...]}} is read as a stream, cell by cell, into a streaming
 * workbook that keeps {@link #WINDOW} rows in memory and the rest in a temporary file; the workbook is written to
 * the response once the whole body was read and found good. Memory does not grow with the table: four concurrent
 * exports of 800 KB took the server down when the body was parsed whole into objects and then into an in-memory
 * workbook. Cells are written as numbers or as text, never as formulas.
 */
final class ExportApi {
    static final long MAX_BODY = 1 << 20;
    static final int MAX_ROWS = 100_000;
    static final int MAX_CELLS = 1_000_000;
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_CELL_CHARS = 32_767;
    private static final int WINDOW = 200;

    private final Access access;
    private final BooleanSupplier synthetic;
    private final JsonFactory json = new JsonFactory();

    /** @param synthetic whether the data are generated (the sheet is then labelled 合成数据) */
    ExportApi(Access access, BooleanSupplier synthetic) {
        this.access = access;
        this.synthetic = synthetic;
    }

    void export(Context ctx) throws IOException {
        Params.only(ctx);
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY) {
            throw tooLarge();
        }
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try {
            Table table = read(ctx.bodyInputStream(), wb.createSheet(synthetic.getAsBoolean()
                    ? SyntheticData.labelled("数据") : "数据"));
            access.audit(ctx, "导出", Params.clip(table.title()) + "（" + table.rows() + " 行，Excel）");
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            ctx.header("Content-Disposition", "attachment; filename=\"export.xlsx\"");
            OutputStream out = ctx.outputStream();
            wb.write(out);
            out.flush();
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /** What was read: the title and the number of data rows. */
    private record Table(String title, int rows) { }

    /** Reads the body into the sheet (the header in row 0, then the rows). */
    private Table read(InputStream body, Sheet sheet) throws IOException {
        String title = "数据";
        boolean header = false;
        int next = 1;
        boolean rows = false;
        try (JsonParser p = json.createParser(new Limited(body, MAX_BODY))) {
            expect(p.nextToken() == JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "title" -> title = value == JsonToken.VALUE_NULL ? title : text(p, value);
                    case "header" -> {
                        expect(value == JsonToken.START_ARRAY && !header);
                        row(p, sheet.createRow(0));
                        header = true;
                    }
                    case "rows" -> {
                        // the header comes first (the pages send it so): rows already flushed cannot get one above them
                        expect(value == JsonToken.START_ARRAY && header && !rows);
                        int cells = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (next > MAX_ROWS) {
                                throw new BadRequestResponse("表格最多 " + MAX_ROWS + " 行");
                            }
                            expect(p.currentToken() == JsonToken.START_ARRAY);
                            cells += row(p, sheet.createRow(next++));
                            if (cells > MAX_CELLS) {
                                throw new BadRequestResponse("表格最多 " + MAX_CELLS + " 个单元格");
                            }
                        }
                        rows = true;
                    }
                    default -> throw new BadRequestResponse("请求体中有未知字段 '" + Params.clip(field) + "'");
                }
            }
            expect(header && rows && p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestResponse("请求体不是有效的 JSON");
        }
        return new Table(title, next - 1);
    }

    /** One array of cells into a row (numbers stay numbers, the rest is text); returns the number of cells. */
    private static int row(JsonParser p, Row row) throws IOException {
        int c = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (c >= MAX_COLUMNS) {
                throw new BadRequestResponse("每行最多 " + MAX_COLUMNS + " 列");
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                row.createCell(c).setCellValue(p.getDoubleValue());
            } else if (t != JsonToken.VALUE_NULL) {
                row.createCell(c).setCellValue(text(p, t));
            }
            c++;
        }
        return c;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw new BadRequestResponse(SHAPE);
        }
        String s = p.getText();
        if (s.length() > MAX_CELL_CHARS) {
            throw new BadRequestResponse("每格最多 " + MAX_CELL_CHARS + " 个字符（Excel 的限制）");
        }
        return s;
    }

    private static final String SHAPE = "请求体应为 {\"title\", \"header\": [...], \"rows\": [[...], ...]}，单元格为数字或文字";

    private static void expect(boolean ok) {
        if (!ok) {
            throw new BadRequestResponse(SHAPE);
        }
    }

    static ContentTooLargeResponse tooLarge() {
        return new ContentTooLargeResponse("请求体过大（最大 1 MB）");
    }

    /** The body, refused with a 413 past {@code max} bytes (a body sent without its length is read only so far). */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw tooLarge();
            }
            return n;
        }
    }
}
