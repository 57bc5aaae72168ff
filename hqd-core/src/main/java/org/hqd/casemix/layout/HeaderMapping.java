package org.hqd.casemix.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hqd.casemix.abstracts.AbstractColumn;

/**
 * A layout laid over the header of one file: which field of a row feeds each canonical column, each diagnosis and
 * each procedure; and, for reports, which header columns are used, personal (never stored) or ignored, which of the
 * layout's columns the file lacks, and which used columns it repeats. Immutable.
 */
public final class HeaderMapping {
    private static final int PARTS = SlotPart.values().length;
    private static final int[] NONE = new int[0];

    private final Layout layout;
    private final List<String> header;
    private final int[][] sources = new int[AbstractColumn.values().length][];
    private final double[][] factors = new double[AbstractColumn.values().length][];
    private final int[][] diagnoses;
    private final int[][] procedures;
    private final String[] uses;
    private final boolean[] personal;
    private final boolean[] linePresent = new boolean[2 * PARTS];
    private final List<String> duplicates = new ArrayList<>();
    private final int recognised;

    private HeaderMapping(Layout layout, List<String> header) {
        this.layout = layout;
        this.header = List.copyOf(header);
        Map<String, Integer> at = new HashMap<>();
        Map<String, Integer> repeated = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String n = ColumnNames.normalise(header.get(i));
            if (!n.isEmpty() && at.putIfAbsent(n, i) != null) {
                repeated.putIfAbsent(n, i);
            }
        }
        uses = new String[header.size()];
        personal = new boolean[header.size()];
        Lookup find = new Lookup(at, layout.aliases());
        for (AbstractColumn c : AbstractColumn.values()) {
            List<SourceColumn> list = layout.columns().getOrDefault(c, List.of());
            int[] idx = new int[list.size()];
            double[] f = new double[list.size()];
            int n = 0;
            for (SourceColumn s : list) {
                int i = find.index(s.name());
                if (i >= 0) {
                    idx[n] = i;
                    f[n++] = s.factor();
                    use(i, c.named());
                }
            }
            sources[c.ordinal()] = n == 0 ? NONE : Arrays.copyOf(idx, n);
            factors[c.ordinal()] = Arrays.copyOf(f, n);
        }
        diagnoses = slots(layout.diagnoses(), find, "诊断", true);
        procedures = slots(layout.procedures(), find, "手术操作", false);
        layout.lines().ifPresent(f -> {
            int k = find.index(f.key());
            if (k >= 0) {
                use(k, "区分每次住院的键");
            }
            lineUses(f.diagnosis(), find, "诊断行");
            lineUses(f.procedure(), find, "手术操作行");
        });
        for (String p : layout.personal()) {
            int i = find.index(p);
            if (i >= 0) {
                personal[i] = true;
            }
        }
        int r = 0;
        for (String name : layout.recognise()) {
            r += find.index(name) >= 0 ? 1 : 0;
        }
        recognised = r;
        repeated.forEach((n, i) -> {
            if (uses[at.get(n)] != null) {
                duplicates.add(header.get(i).strip());
            }
        });
    }

    /** The layout laid over this header. */
    public static HeaderMapping of(Layout layout, List<String> header) {
        return new HeaderMapping(layout, header);
    }

    /** The slots the header has; with {@code keepFirst}, the first slot's place is kept (null when absent). */
    private int[][] slots(List<Slot> slots, Lookup find, String what, boolean keepFirst) {
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < slots.size(); k++) {
            Slot s = slots.get(k);
            int code = find.index(s.columns().get(SlotPart.CODE));
            if (code < 0) {
                if (k == 0 && keepFirst) {
                    out.add(null);
                }
                continue;
            }
            int[] parts = new int[PARTS];
            Arrays.fill(parts, -1);
            for (Map.Entry<SlotPart, String> e : s.columns().entrySet()) {
                int i = find.index(e.getValue());
                parts[e.getKey().ordinal()] = i;
                if (i >= 0) {
                    String slot = what.equals("诊断") ? (k == 0 ? "主要诊断" : "其他诊断" + k) : what + (k + 1);
                    use(i, slot + "的" + label(e.getKey()));
                }
            }
            out.add(parts);
        }
        return out.toArray(new int[0][]);
    }

    private void lineUses(Slot line, Lookup find, String what) {
        line.columns().forEach((part, name) -> {
            int i = find.index(name);
            if (i >= 0) {
                use(i, what + "的" + label(part));
                linePresent[part.ordinal() + (what.equals("诊断行") ? 0 : PARTS)] = true;
            }
        });
    }

    private static String label(SlotPart p) {
        return switch (p) {
            case CODE -> "编码";
            case NAME -> "名称（不保存）";
            case ADMISSION -> "入院病情";
            case DATE -> "日期";
            case LEVEL -> "手术级别";
            case WOUND -> "切口等级";
            case HEALING -> "切口愈合类别";
            case ANAESTHESIA -> "麻醉方式";
            case PRINCIPAL -> "主要标志";
        };
    }

    private void use(int i, String what) {
        uses[i] = uses[i] == null ? what : uses[i] + "、" + what;
    }

    public Layout layout() {
        return layout;
    }

    public List<String> header() {
        return header;
    }

    /** The number of columns of the header. */
    public int width() {
        return header.size();
    }

    /** The fields of a row that feed a canonical column (slot-filled columns excepted), in the layout's order. */
    public int[] sources(AbstractColumn c) {
        return sources[c.ordinal()];
    }

    /** The factor each of {@link #sources} is multiplied by. */
    public double[] factors(AbstractColumn c) {
        return factors[c.ordinal()];
    }

    /** The code table of a canonical column: value in the file → canonical value (empty when none). */
    public Map<String, String> codes(AbstractColumn c) {
        return layout.codes().getOrDefault(c, Map.of());
    }

    /**
     * The diagnosis slots this file has, the principal first: each the field of every {@link SlotPart} (by
     * ordinal; -1 when absent). The first element is null when the file lacks the principal diagnosis slot.
     */
    public int[][] diagnoses() {
        return diagnoses.clone();
    }

    /** The procedure slots this file has, in order (the first non-empty one is the principal procedure). */
    public int[][] procedures() {
        return procedures.clone();
    }

    /** Whether the file gives any value for the canonical column. */
    public boolean has(AbstractColumn c) {
        if (layout.lines().isPresent() && (Layout.FROM_DIAGNOSES.contains(c) || Layout.FROM_PROCEDURES.contains(c))) {
            boolean dx = Layout.FROM_DIAGNOSES.contains(c);
            SlotPart part = c == AbstractColumn.ADMISSION_CONDITIONS ? SlotPart.ADMISSION : Arrays.stream(SlotPart.values())
                    .filter(p -> p.procedureColumn().orElse(null) == c).findFirst().orElse(SlotPart.CODE);
            return linePresent[part.ordinal() + (dx ? 0 : PARTS)];
        }
        if (Layout.FROM_DIAGNOSES.contains(c) && !layout.diagnoses().isEmpty()) {
            return slotHas(diagnoses, c == AbstractColumn.PRINCIPAL_DX, c == AbstractColumn.SECONDARY_DX, SlotPart.ADMISSION,
                    c == AbstractColumn.ADMISSION_CONDITIONS);
        }
        if (Layout.FROM_PROCEDURES.contains(c) && !layout.procedures().isEmpty()) {
            SlotPart part = Arrays.stream(SlotPart.values()).filter(p -> p.procedureColumn().orElse(null) == c)
                    .findFirst().orElse(SlotPart.CODE);
            return procedures.length > 0 && (part == SlotPart.CODE || Arrays.stream(procedures)
                    .anyMatch(s -> s[part.ordinal()] >= 0));
        }
        return sources[c.ordinal()].length > 0;
    }

    private static boolean slotHas(int[][] slots, boolean principal, boolean secondary, SlotPart part,
                                   boolean aligned) {
        if (principal) {
            return slots.length > 0 && slots[0] != null;
        }
        if (secondary) {
            return slots.length > 1;
        }
        return aligned && Arrays.stream(slots).anyMatch(s -> s != null && s[part.ordinal()] >= 0);
    }

    /** The required canonical columns the file does not give. */
    public Set<AbstractColumn> missing(Set<AbstractColumn> required) {
        Set<AbstractColumn> out = EnumSet.noneOf(AbstractColumn.class);
        for (AbstractColumn c : required) {
            if (!has(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The file's column names that would give a canonical column: "主要诊断(principal_dx)：JBDM". */
    public String expected(AbstractColumn c) {
        List<String> names = new ArrayList<>();
        layout.columns().getOrDefault(c, List.of()).forEach(s -> names.add(s.name()));
        if (Layout.FROM_DIAGNOSES.contains(c) && !layout.diagnoses().isEmpty()) {
            names.add(layout.diagnoses().get(0).columns().get(SlotPart.CODE));
        }
        if (Layout.FROM_PROCEDURES.contains(c) && !layout.procedures().isEmpty()) {
            names.add(layout.procedures().get(0).columns().get(SlotPart.CODE));
        }
        layout.lines().ifPresent(f -> {
            if (Layout.FROM_DIAGNOSES.contains(c)) {
                names.add(f.diagnosis().columns().get(SlotPart.CODE));
            } else if (Layout.FROM_PROCEDURES.contains(c)) {
                names.add(f.procedure().columns().get(SlotPart.CODE));
            }
        });
        return c.named() + "：" + (names.isEmpty() ? "（此格式没有）" : String.join(" 或 ", names));
    }

    /** What each header column is used for ("主要诊断(principal_dx)"), or null when it is not used. */
    public String use(int column) {
        return uses[column];
    }

    /** Whether a header column holds personal data the layout names (never stored unless as a pseudonym). */
    public boolean personal(int column) {
        return personal[column];
    }

    /** Header columns that are used and appear more than once (which one to read cannot be decided). */
    public List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    /** How many of the layout's recognising columns the header has. */
    public int recognised() {
        return recognised;
    }

    /** Whether the header has every recognising column of the layout. */
    public boolean matches() {
        return recognised == layout.recognise().size();
    }

    /** How many header columns the layout uses. */
    public int used() {
        int n = 0;
        for (String u : uses) {
            n += u == null ? 0 : 1;
        }
        return n;
    }

    /** Finds a layout column in the header, by its name or one of its aliases. */
    private record Lookup(Map<String, Integer> at, Map<String, List<String>> aliases) {
        int index(String name) {
            Integer i = at.get(ColumnNames.normalise(name));
            if (i != null) {
                return i;
            }
            for (String a : aliases.getOrDefault(name, List.of())) {
                i = at.get(ColumnNames.normalise(a));
                if (i != null) {
                    return i;
                }
            }
            return -1;
        }
    }
}
