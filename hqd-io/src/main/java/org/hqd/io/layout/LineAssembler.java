package org.hqd.io.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hqd.casemix.layout.ColumnNames;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.layout.LineForm;
import org.hqd.casemix.layout.Slot;
import org.hqd.casemix.layout.SlotPart;

/**
 * Puts the rows of a line-form file together, one stay at a time: consecutive rows with the same key are one stay,
 * whose columns are those of its first row, followed by its diagnosis lines and its procedure lines in the slots of
 * {@link Layout#flattened} (the line flagged principal first, then the others in file order; a line repeated in
 * the file is taken once). The assembled row's line is the stay's first line.
 */
final class LineAssembler implements RowSource {
    /** The most diagnosis or procedure lines a stay may have. */
    static final int MAX_LINES = 100;
    private static final SlotPart[] PARTS = SlotPart.values();

    private final RowSource rows;
    private final int width;
    private final int key;
    private final int[] dx;
    private final int[] proc;
    private final List<String> header;
    private final int dxParts;
    private Row pending;
    private boolean started;

    LineAssembler(RowSource rows, LineForm form) {
        this.rows = rows;
        List<String> source = rows.header();
        this.width = source.size();
        this.key = index(source, form.key());
        this.dx = parts(source, form.diagnosis());
        this.proc = parts(source, form.procedure());
        List<String> h = new ArrayList<>(source);
        dxParts = appendSlots(h, form.diagnosis());
        appendSlots(h, form.procedure());
        this.header = List.copyOf(h);
    }

    /** Whether the header has the columns the line form needs (key, diagnosis code). */
    boolean complete() {
        return key >= 0 && dx[SlotPart.CODE.ordinal()] >= 0;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Optional<Row> next() throws IOException {
        if (!started) {
            started = true;
            pending = rows.next().orElse(null);
        }
        if (pending == null) {
            return Optional.empty();
        }
        Row first = pending;
        String stay = value(first.values(), key);
        List<String[]> dxLines = new ArrayList<>();
        List<String[]> procLines = new ArrayList<>();
        boolean malformed = false;
        for (Row r = first; r != null && value(r.values(), key).equals(stay); r = pending) {
            malformed |= r.values().length != width;
            take(r.values(), dx, dxLines);
            take(r.values(), proc, procLines);
            pending = rows.next().orElse(null);
        }
        malformed |= dxLines.size() > MAX_LINES || procLines.size() > MAX_LINES;
        String[] out = Arrays.copyOf(first.values(), header.size() + (malformed ? 1 : 0));
        Arrays.fill(out, Math.min(first.values().length, width), header.size(), "");
        fill(out, width, dxLines, dx);
        fill(out, width + MAX_LINES * dxParts, procLines, proc);
        return Optional.of(new Row(first.line(), out));
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    /** Adds the line of this row to {@code lines} when it has a code; principal first; a repeat is dropped. */
    private static void take(String[] v, int[] at, List<String[]> lines) {
        String code = value(v, at[SlotPart.CODE.ordinal()]);
        if (code.isBlank()) {
            return;
        }
        String[] line = new String[PARTS.length];
        for (SlotPart p : PARTS) {
            line[p.ordinal()] = value(v, at[p.ordinal()]);
        }
        for (String[] l : lines) {
            if (Arrays.equals(l, line)) {
                return;
            }
        }
        if (principal(line[SlotPart.PRINCIPAL.ordinal()])) {
            lines.add(0, line);
        } else {
            lines.add(line);
        }
    }

    private static boolean principal(String flag) {
        String f = flag.strip();
        return f.equals("1") || f.equals("是") || f.equalsIgnoreCase("y") || f.equalsIgnoreCase("true");
    }

    private static void fill(String[] out, int from, List<String[]> lines, int[] at) {
        int parts = 0;
        for (SlotPart p : PARTS) {
            parts += p == SlotPart.PRINCIPAL || at[p.ordinal()] == -2 ? 0 : 1;
        }
        for (int n = 0; n < Math.min(lines.size(), MAX_LINES); n++) {
            int k = 0;
            for (SlotPart p : PARTS) {
                if (p != SlotPart.PRINCIPAL && at[p.ordinal()] != -2) {
                    out[from + n * parts + k++] = lines.get(n)[p.ordinal()];
                }
            }
        }
    }

    /** The column of each part in the source header (-1 absent); -2 for the parts the slot does not name. */
    private static int[] parts(List<String> header, Slot slot) {
        int[] at = new int[PARTS.length];
        for (SlotPart p : PARTS) {
            at[p.ordinal()] = p == SlotPart.PRINCIPAL || slot.column(p).isEmpty() ? -2 : index(header, slot.column(p)
                    .get());
        }
        at[SlotPart.PRINCIPAL.ordinal()] = slot.column(SlotPart.PRINCIPAL).map(c -> index(header, c)).orElse(-1);
        return at;
    }

    /** Appends the slot columns of every place; returns how many columns a place has. */
    private static int appendSlots(List<String> h, Slot slot) {
        int parts = 0;
        for (int n = 1; n <= MAX_LINES; n++) {
            parts = 0;
            for (SlotPart p : PARTS) {
                if (p != SlotPart.PRINCIPAL && slot.column(p).isPresent()) {
                    h.add(Layout.lineColumn(slot.column(p).get(), n));
                    parts++;
                }
            }
        }
        return parts;
    }

    private static int index(List<String> header, String name) {
        String n = ColumnNames.normalise(name);
        for (int i = 0; i < header.size(); i++) {
            if (ColumnNames.normalise(header.get(i)).equals(n)) {
                return i;
            }
        }
        return -1;
    }

    private static String value(String[] v, int i) {
        return i < 0 || i >= v.length || v[i] == null ? "" : v[i];
    }
}
