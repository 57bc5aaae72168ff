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

/** Where each canonical column is in a file: the header line, in any column order; unknown columns are ignored. */
public final class AbstractHeader {
    private final int[] index = new int[AbstractColumn.values().length];
    private final int width;

    private AbstractHeader(List<String> names) {
        Arrays.fill(index, -1);
        width = names.size();
        for (int i = 0; i < names.size(); i++) {
            int at = i;
            AbstractColumn.byName(names.get(i)).ifPresent(c -> {
                if (index[c.ordinal()] < 0) {
                    index[c.ordinal()] = at;
                }
            });
        }
    }

    /**
     * The header of a file, checked to have the required columns.
     *
     * @param source the file, for the message
     * @throws HqdException naming the missing columns
     */
    public static AbstractHeader of(List<String> names, Set<AbstractColumn> required, String source) {
        AbstractHeader h = new AbstractHeader(names);
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
                    + "。第一行应为表头，列名见 docs/data-formats.md");
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
