package org.hqd.io.layout;

import java.util.Map;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.ColumnType;
import org.hqd.casemix.layout.HeaderMapping;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.layout.SlotPart;
import org.hqd.io.csv.Fields;

/**
 * A row of a file in some layout seen as the canonical columns: field {@code i} is the canonical column of ordinal
 * {@code i}, taken from the row as the {@link HeaderMapping} says (the first non-blank of its columns translated by
 * the code table; numbers summed, each times its factor; diagnoses and procedures from their slots, the principal
 * first, aligned values kept in step with the codes). The row's shape (field count, line, an open quote) is the
 * row's own. One instance per thread; {@link #of} points it at the next row.
 */
public final class LayoutFields implements Fields {
    private static final AbstractColumn[] COLUMNS = AbstractColumn.values();
    private static final int CODE = SlotPart.CODE.ordinal();
    /** By ordinal: whether the column comes from the diagnosis or procedure slots. */
    private static final boolean[] SLOTTED = new boolean[COLUMNS.length];

    static {
        for (AbstractColumn c : COLUMNS) {
            SLOTTED[c.ordinal()] = Layout.FROM_DIAGNOSES.contains(c) || Layout.FROM_PROCEDURES.contains(c);
        }
    }

    private final HeaderMapping m;
    private final int[][] dxSlots;
    private final int[][] procSlots;
    private final int[] dxUsed;
    private final int[] procUsed;
    private Fields row;
    private int dxCount = -1;
    private int procCount = -1;
    /** The slot-filled columns of this row, by ordinal, once computed (the parser asks whether blank, then the text). */
    private final String[] slotted = new String[COLUMNS.length];

    public LayoutFields(HeaderMapping mapping) {
        this.m = mapping;
        this.dxSlots = mapping.diagnoses();
        this.procSlots = mapping.procedures();
        this.dxUsed = new int[dxSlots.length];
        this.procUsed = new int[procSlots.length];
    }

    /** This view over {@code source}, the next row. */
    public LayoutFields of(Fields source) {
        this.row = source;
        dxCount = -1;
        procCount = -1;
        java.util.Arrays.fill(slotted, null);
        return this;
    }

    @Override
    public int fieldCount() {
        return row.fieldCount();
    }

    @Override
    public long line() {
        return row.line();
    }

    @Override
    public org.hqd.io.csv.RecordProblem problem() {
        return row.problem();
    }

    /** Blank when every field of the column is (a code table never turns a value into a blank one). */
    @Override
    public boolean isBlank(int i) {
        AbstractColumn c = COLUMNS[i];
        if (SLOTTED[i]) {
            return field(i).isEmpty();
        }
        for (int j : m.sources(c)) {
            if (!row.isBlank(j)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double plainDecimal(int i) {
        int[] src = m.sources(COLUMNS[i]);
        double[] f = m.factors(COLUMNS[i]);
        double sum = 0;
        boolean any = false;
        for (int k = 0; k < src.length; k++) {
            if (row.isBlank(src[k])) {
                continue;
            }
            double v = row.plainDecimal(src[k]);
            if (Double.isNaN(v)) {
                return Double.NaN; // read as text
            }
            sum += f[k] == 1 ? v : v * f[k];
            any = true;
        }
        return any ? sum : Double.NaN;
    }

    @Override
    public String field(int i) {
        if (!SLOTTED[i]) {
            AbstractColumn c = COLUMNS[i];
            return c.type() == ColumnType.AMOUNT ? amount(c) : first(c);
        }
        String v = slotted[i];
        if (v == null) {
            v = fromSlots(COLUMNS[i]);
            slotted[i] = v;
        }
        return v;
    }

    private String fromSlots(AbstractColumn c) {
        switch (c) {
            case PRINCIPAL_DX:
                return dxSlots.length > 0 && dxSlots[0] != null ? text(dxSlots[0][CODE], c) : "";
            case SECONDARY_DX:
                return dxSlots.length > 0 ? codes(dxSlots, dxUsed, diagnoses(), 1) : "";
            case ADMISSION_CONDITIONS:
                return aligned(dxSlots, dxUsed, diagnoses(), SlotPart.ADMISSION, c);
            case PRINCIPAL_PROC:
                return procedures() > 0 ? text(procSlots[procUsed[0]][CODE], c) : "";
            case OTHER_PROCS:
                return procSlots.length > 0 ? codes(procSlots, procUsed, procedures(), 1) : "";
            case PROC_LEVELS:
                return aligned(procSlots, procUsed, procedures(), SlotPart.LEVEL, c);
            case PROC_DATES:
                return aligned(procSlots, procUsed, procedures(), SlotPart.DATE, c);
            case PROC_WOUND_CLASSES:
                return aligned(procSlots, procUsed, procedures(), SlotPart.WOUND, c);
            case PROC_HEALING:
                return aligned(procSlots, procUsed, procedures(), SlotPart.HEALING, c);
            case PROC_ANAESTHESIA:
                return aligned(procSlots, procUsed, procedures(), SlotPart.ANAESTHESIA, c);
            default:
                throw new IllegalArgumentException("not filled from slots: " + c);
        }
    }

    /** The first non-blank of the column's fields, translated by its code table. */
    private String first(AbstractColumn c) {
        for (int j : m.sources(c)) {
            if (!row.isBlank(j)) {
                return text(j, c);
            }
        }
        return "";
    }

    /** Field j stripped and translated by the code table of {@code c}. */
    private String text(int j, AbstractColumn c) {
        if (j < 0 || row.isBlank(j)) {
            return "";
        }
        String v = row.field(j).strip();
        Map<String, String> codes = m.codes(c);
        if (codes.isEmpty()) {
            return v;
        }
        String t = codes.get(v);
        return t == null ? v : t;
    }

    /** The sum of the column's fields as text, or the first field that is not a number (reported by the parser). */
    private String amount(AbstractColumn c) {
        int[] src = m.sources(c);
        double[] f = m.factors(c);
        double sum = 0;
        boolean any = false;
        for (int k = 0; k < src.length; k++) {
            if (row.isBlank(src[k])) {
                continue;
            }
            String v = row.field(src[k]).strip();
            if (src.length == 1 && f[0] == 1) {
                return v;
            }
            try {
                sum += Double.parseDouble(v) * f[k];
                any = true;
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return any ? Double.toString(sum) : "";
    }

    /** How many diagnosis slots of this row have a code; their slot numbers in {@link #dxUsed}. */
    private int diagnoses() {
        if (dxCount < 0) {
            dxCount = used(dxSlots, dxUsed, true);
        }
        return dxCount;
    }

    private int procedures() {
        if (procCount < 0) {
            procCount = used(procSlots, procUsed, false);
        }
        return procCount;
    }

    /** The slots with a code; the principal diagnosis slot keeps its place even when empty. */
    private int used(int[][] slots, int[] used, boolean keepFirst) {
        int n = 0;
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] == null) {
                continue;
            }
            if (keepFirst && k == 0 || !row.isBlank(slots[k][CODE])) {
                used[n++] = k;
            }
        }
        return n;
    }

    /** The codes of the used slots from place {@code from}, joined by '|'. */
    private String codes(int[][] slots, int[] used, int count, int from) {
        int start = slots == dxSlots && (dxSlots[0] == null) ? 0 : from;
        if (count <= start) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int k = start; k < count; k++) {
            b.append(k > start ? "|" : "").append(row.field(slots[used[k]][CODE]).strip());
        }
        return b.toString();
    }

    /** A part of every used slot, '|'-separated and aligned with the codes (an absent part is an empty item). */
    private String aligned(int[][] slots, int[] used, int count, SlotPart part, AbstractColumn c) {
        if (count == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        boolean any = false;
        for (int k = 0; k < count; k++) {
            int j = slots[used[k]][part.ordinal()];
            String v = text(j, c);
            any |= !v.isEmpty();
            b.append(k > 0 ? "|" : "").append(v);
        }
        return any ? b.toString() : "";
    }
}
