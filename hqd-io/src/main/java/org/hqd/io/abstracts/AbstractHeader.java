package org.hqd.io.abstracts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.layout.HeaderMapping;

/**
 * Where each canonical column is in a file: the header line, in any column order; unknown columns are ignored. For
 * a file in another layout, the virtual header of its {@link org.hqd.io.layout.LayoutFields}: field i is the
 * canonical column of ordinal i.
 */
public final class AbstractHeader {
    private final int[] index = new int[AbstractColumn.values().length];
    private final int width;
    private final List<String> repeated = new ArrayList<>(0);

    private AbstractHeader(List<String> names) {
        Arrays.fill(index, -1);
        width = names.size();
        for (int i = 0; i < names.size(); i++) {
            int at = i;
            AbstractColumn.byName(names.get(i)).ifPresent(c -> {
                if (index[c.ordinal()] < 0) {
                    index[c.ordinal()] = at;
                } else {
                    repeated.add(c.column() + "（第 " + (index[c.ordinal()] + 1) + " 列和第 " + (at + 1) + " 列）");
                }
            });
        }
    }

    private AbstractHeader(HeaderMapping m) {
        width = m.width();
        for (AbstractColumn c : AbstractColumn.values()) {
            index[c.ordinal()] = m.has(c) ? c.ordinal() : -1;
        }
    }

    /**
     * Checks a file in a layout: no used column twice, the required columns present.
     *
     * @throws HqdException naming the repeated or the missing columns and where the layout expects them
     */
    public static void check(HeaderMapping m, Set<AbstractColumn> required, String source) {
        if (!m.duplicates().isEmpty()) {
            throw new HqdException(source + "：表头中列 " + String.join("、", m.duplicates())
                    + " 出现两次，无法确定用哪一列；请删去重复的列");
        }
        Set<AbstractColumn> missing = m.missing(required);
        if (!missing.isEmpty()) {
            throw new HqdException(source + "：按格式 " + m.layout().name() + "（" + m.layout().title() + "）缺少必需的列 "
                    + missing.stream().map(m::expected).collect(Collectors.joining("；"))
                    + "。hqd layouts check 可列出文件各列的用途");
        }
    }

    /** The virtual header of rows seen through {@link org.hqd.io.layout.LayoutFields} over this mapping. */
    public static AbstractHeader virtual(HeaderMapping m) {
        return new AbstractHeader(m);
    }

    /**
     * The header of a file, checked to have the required columns.
     *
     * @param source the file, for the message
     * @throws HqdException naming the missing columns
     */
    public static AbstractHeader of(List<String> names, Set<AbstractColumn> required, String source) {
        AbstractHeader h = new AbstractHeader(names);
        if (!h.repeated.isEmpty()) {
            throw new HqdException(source + "：表头中列 " + String.join("、", h.repeated)
                    + "出现两次，无法确定用哪一列；请删去重复的列");
        }
        List<AbstractColumn> missing = new ArrayList<>();
        for (AbstractColumn c : required) {
            if (h.index[c.ordinal()] < 0) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            boolean none = missing.size() == required.size();
            throw new HqdException(source + "：" + (none ? "没有可识别的表头，" : "") + "缺少必需的列 "
                    + missing.stream().map(AbstractColumn::named).collect(Collectors.joining("、"))
                    + "。第一行应为表头；hqd layouts check 文件 可列出各列的用途和缺少的列");
        }
        return h;
    }

    /** Field index of the column in a row, or -1 when the file does not have it. */
    public int indexOf(AbstractColumn c) {
        return index[c.ordinal()];
    }

    /** The number of columns in the header. */
    public int width() {
        return width;
    }

    /** Which canonical columns the file has. */
    public Map<AbstractColumn, Integer> present() {
        Map<AbstractColumn, Integer> m = new EnumMap<>(AbstractColumn.class);
        for (AbstractColumn c : AbstractColumn.values()) {
            if (index[c.ordinal()] >= 0) {
                m.put(c, index[c.ordinal()]);
            }
        }
        return m;
    }
}
