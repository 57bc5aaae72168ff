package org.hqd.casemix.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hqd.casemix.abstracts.AbstractColumn;

/**
 * What {@code hqd layouts check} says of a file's header under a layout: each column used and for what, the
 * personal columns never stored, the columns ignored, the required columns missing and the optional ones the
 * layout knows that the file does not have.
 */
public final class HeaderReport {
    private HeaderReport() {
    }

    /** The report's lines, in Chinese. */
    public static List<String> lines(HeaderMapping m) {
        List<String> out = new ArrayList<>();
        List<String> header = m.header();
        List<String> ignored = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        out.add("使用的列（" + m.used() + "）：");
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (m.use(i) != null) {
                out.add("  " + name + " → " + m.use(i) + (m.personal(i) ? "（假名化后保存）" : ""));
            } else if (m.personal(i)) {
                personal.add(name);
            } else if (!name.isEmpty()) {
                ignored.add(name);
            }
        }
        if (!personal.isEmpty()) {
            out.add("个人信息列，读取时丢弃、不保存（" + personal.size() + "）：" + String.join("、", personal));
        }
        if (!ignored.isEmpty()) {
            out.add("忽略的列（" + ignored.size() + "）：" + String.join("、", ignored));
        }
        if (!m.duplicates().isEmpty()) {
            out.add("重复的列（导入会拒绝）：" + String.join("、", m.duplicates()));
        }
        Set<AbstractColumn> forImport = m.missing(AbstractColumn.FOR_IMPORT);
        Set<AbstractColumn> forGrouping = m.missing(AbstractColumn.FOR_GROUPING);
        if (forImport.isEmpty() && forGrouping.isEmpty()) {
            out.add("必需的列齐全：可导入（hqd import）和分组（hqd group）");
        }
        if (!forImport.isEmpty()) {
            out.add("导入缺少的必需列（" + forImport.size() + "）：");
            forImport.forEach(c -> out.add("  " + m.expected(c)));
        }
        forGrouping.removeAll(forImport);
        if (!forGrouping.isEmpty()) {
            out.add("分组缺少的列（" + forGrouping.size() + "）：");
            forGrouping.forEach(c -> out.add("  " + m.expected(c)));
        }
        List<String> optional = new ArrayList<>();
        for (AbstractColumn c : AbstractColumn.values()) {
            boolean known = m.layout().columns().containsKey(c) || Layout.FROM_DIAGNOSES.contains(c)
                    && (!m.layout().diagnoses().isEmpty() || m.layout().isLineForm())
                    || Layout.FROM_PROCEDURES.contains(c) && (!m.layout().procedures().isEmpty() || m.layout()
                    .isLineForm());
            if (known && !m.has(c) && !AbstractColumn.FOR_IMPORT.contains(c) && !AbstractColumn.FOR_GROUPING.contains(c)) {
                optional.add(c.named());
            }
        }
        if (!optional.isEmpty()) {
            out.add("此格式可有、文件没有的列（可选，" + optional.size() + "）：" + String.join("、", optional));
        }
        return out;
    }
}
