package org.hqd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.io.grouping.GroupingSummary;

/** The summary a user reads after a grouping run: counts per status, where the rejected rows are, speed. */
final class GroupingReport {
    private final PrintWriter out;

    GroupingReport(PrintWriter out) {
        this.out = out;
    }

    void print(RulePack pack, GroupingSummary s, SideFiles side) {
        out.println("分组方案：" + pack.id() + "（" + pack.manifest().scheme() + "）；输入格式：" + s.readAs());
        List<String> parts = new ArrayList<>();
        for (GroupingStatus st : GroupingStatus.values()) {
            parts.add(st.name() + " " + st.label() + " " + String.format("%,d", s.count(st))
                    + "（" + percent(s.count(st), s.cases()) + "）");
        }
        out.println("共 " + String.format("%,d", s.cases()) + " 例：" + String.join("，", parts));
        if (s.withWarnings() > 0) {
            out.println("有警告的病例 " + String.format("%,d", s.withWarnings())
                    + " 例（含未知的其他诊断或手术编码；用 --trace 查看）");
        }
        Path invalid = side.invalidPath();
        if (invalid != null) {
            out.println("数据不合格 " + String.format("%,d", s.count(GroupingStatus.INVALID)) + " 例，行号与原因见 " + invalid);
        }
        if (!s.unmappedCodes().isEmpty()) {
            Path unmapped = side.unmappedPath();
            out.println("无法映射到医保版的编码 " + s.unmappedCodes().size() + " 个，按原编码分组"
                    + (unmapped != null ? "，清单见 " + unmapped : "：" + top(s.unmappedCodes())));
        }
        out.printf("用时 %.2f 秒，%,.0f 例/秒%n", s.elapsed().toNanos() / 1e9, s.casesPerSecond());
        out.flush();
    }

    private static String top(Map<String, Long> codes) {
        List<String> shown = new ArrayList<>();
        codes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> shown.add(e.getKey() + "×" + e.getValue()));
        return String.join("、", shown);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0.0%" : String.format("%.1f%%", 100.0 * part / whole);
    }
}
