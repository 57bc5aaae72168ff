package org.hqd.io.layout;

import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.io.csv.TextEncoding;

/**
 * The rows of a dBASE (DBF) table, read with JavaDBF. Text is read as its bytes and decoded in the charset named by
 * the user, or else in the one its bytes are valid in (UTF-8, else GBK — the usual encoding of such exports, whose
 * language-driver byte is often unset); numbers are written plainly, dates as {@code YYYY-MM-DD}.
 */
final class DbfRows implements RowSource {
    private final DBFReader reader;
    private final String source;
    private final List<String> header;
    private Charset charset;
    private long line = 1;

    /** @param charset the charset the user named, or null to detect it */
    DbfRows(byte[] bytes, Charset charset, String source) {
        this.source = source;
        try {
            reader = new DBFReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1);
        } catch (DBFException e) {
            throw new HqdException(source + " 不是可读取的 DBF 文件：" + e.getMessage(), e);
        }
        this.charset = charset;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < reader.getFieldCount(); i++) {
            names.add(reader.getField(i).getName());
        }
        List<String> decoded = new ArrayList<>();
        for (String n : names) {
            decoded.add(decode(n).strip());
        }
        header = List.copyOf(decoded);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Optional<Row> next() {
        Object[] r;
        try {
            r = reader.nextRecord();
        } catch (DBFException e) {
            throw new HqdException(source + " 第 " + (line + 1) + " 条记录无法读取：" + e.getMessage(), e);
        }
        if (r == null) {
            return Optional.empty();
        }
        line++;
        String[] v = new String[r.length];
        for (int i = 0; i < r.length; i++) {
            v[i] = text(r[i]);
        }
        return Optional.of(new Row(line, v));
    }

    @Override
    public void close() {
        reader.close();
    }

    private String text(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof String s) {
            return decode(s).strip();
        }
        if (o instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (o instanceof Number n) {
            return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (o instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.systemDefault()).toLocalDate().toString();
        }
        if (o instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return o.toString();
    }

    /** Text read byte for byte (ISO-8859-1) decoded in the file's charset, which the first non-ASCII text decides. */
    private String decode(String raw) {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        TextEncoding e = TextEncoding.of(b, 0, b.length);
        if (e == TextEncoding.ASCII) {
            return raw;
        }
        if (charset == null) {
            charset = e.charset().orElseThrow(() -> HqdException.withHint(source + "：文本既不是 UTF-8 也不是 GBK 编码",
                    "：请用 --encoding 指明它的编码"));
        } else if (!TextEncoding.valid(charset, b, 0, b.length)) {
            throw HqdException.withHint(source + " 第 " + line + " 条记录的文本不是 " + charset.name() + " 编码",
                    "：请确认文件的编码，用 --encoding 指明");
        }
        return new String(b, charset);
    }
}
