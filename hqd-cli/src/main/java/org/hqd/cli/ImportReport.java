package org.hqd.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.hqd.intake.ImportSummary;
import org.hqd.quality.QualityRuleCatalog;

/** The intake summary a user reads after importing a file. */
final class ImportReport {
    private final PrintWriter out;
    private final QualityRuleCatalog rules = QualityRuleCatalog.standard();

    ImportReport(PrintWriter out) {
        this.out = out;
    }

    void print(ImportSummary s) {
        if (s.alreadyImported()) {
            out.println(s.file() + "（" + s.kind().label() + "）：内容与批次 " + s.batchId() + " 相同，已导入过，未做任何更改");
            return;
        }
        out.printf("%s（%s，批次 %d）：读取 %,d 行，新增 %,d，替换 %,d，未变 %,d，拒收 %,d，带警告导入 %,d；用时 %.2f 秒（%,.0f 行/秒）%n",
                s.file(), s.kind().label(), s.batchId(), s.read(), s.imported(), s.replaced(), s.unchanged(),
                s.rejected(), s.warned(), s.elapsed().toNanos() / 1e9, s.rowsPerSecond());
        for (Map.Entry<String, Long> e : s.findingsByRule().entrySet()) {
            var r = rules.rule(e.getKey());
            out.printf("  %-26s %s %-4s %,8d 行  %s%n", e.getKey(), r.dimension(), r.severity().label(), e.getValue(),
                    r.message());
        }
        if (!s.readAs().isEmpty()) {
            out.println("  格式：" + s.readAs());
        }
        if (s.mappedRows() > 0) {
            out.printf("  国家临床版编码已映射为医保版：%,d 行（原编码记在 cases.mapped_codes）%n", s.mappedRows());
        }
        s.rejectsFile().ifPresent(p -> out.println("  拒收与警告明细：" + p));
    }
}
