package org.hqd.io.layout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.io.abstracts.AbstractHeader;
import org.hqd.io.abstracts.AbstractRowParser;
import org.hqd.io.abstracts.ParsedAbstract;

/** Hand-made files in the national layouts, and reading them back. */
final class LayoutSamples {
    /** An appendectomy in the front-sheet codes: fee items summing to 8800.00, a blank diagnosis slot, 甲 healing. */
    static final List<String> HQMS_HEADER = List.of("ZZJGDM", "BAH", "XM", "SFZH", "XB", "NL", "BZYZSNL", "CSRQ", "RYSJ",
            "CYSJ", "SJZYTS", "RYTJ", "LYFS", "CYKB", "ZZYS", "YLFKFS", "ZFY", "ZFJE", "YLFUF", "ZLCZF", "HLF", "QTFY",
            "BLZDF", "SYSZDF", "YXXZDF", "LCZDXMF", "FSSZLXMF", "WLZLF", "SSZLF", "MAF", "SSF", "KFF", "ZYZLF", "XYF",
            "KJYWF", "ZCYF", "ZCYF1", "XF", "HCYYCLF", "YYCLF", "YCXYYCLF", "QTF", "JBDM", "RYBQ", "JBDM1", "RYBQ1",
            "JBDM2", "RYBQ2", "SSJCZBM1", "SSJCZRQ1", "SSJB1", "QKDJ1", "QKYHLB1", "MZFS1", "SSJCZBM2", "SSJB2");
    static final List<String> HQMS_ROW = List.of("SYN000001", "BA001", "张三", "110101199001011234", "1", "34", "",
            "1990-01-01", "2024-03-01 08:30:00", "2024-03-06 10:00:00", "5", "2", "1", "普外科", "李医生", "1", "8800.00",
            "1200.50", "500", "300", "200", "100", "50", "600", "800", "150", "400", "100", "2000", "300", "1500", "0",
            "0", "1800", "600", "200", "100", "0", "300", "200", "1000", "100", "K35.800x001", "1", "", "", "I10.x00x002",
            "4", "47.0100", "2024-03-02", "3", "2", "甲", "01", "", "");

    private LayoutSamples() {
    }

    static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(String.join(",", header)).append('\n');
        rows.forEach(r -> b.append(String.join(",", r)).append('\n'));
        return b.toString();
    }

    /** Every row of a file, parsed (the file's layout recognised unless named). */
    static List<ParsedAbstract> parse(byte[] bytes, String name, Optional<Charset> charset, Optional<String> layout)
            throws IOException {
        List<ParsedAbstract> out = new ArrayList<>();
        try (AbstractFile f = AbstractFile.open(new ByteArrayInputStream(bytes), name, new AbstractFile.Options(charset,
                layout, LayoutCatalog.bundled(), 1024))) {
            AbstractHeader h = f.header(EnumSet.of(AbstractColumn.RECORD_ID));
            f.run(2, batch -> {
                RecordBatch.Rows rows = batch.rows();
                AbstractRowParser p = new AbstractRowParser(h);
                List<ParsedAbstract> part = new ArrayList<>();
                while (rows.next()) {
                    part.add(p.parse(rows.fields()));
                }
                return part;
            }, out::addAll);
        }
        return out;
    }

    static List<ParsedAbstract> parse(byte[] bytes, String name) throws IOException {
        return parse(bytes, name, Optional.empty(), Optional.empty());
    }
}
