package org.hqd.casemix.layout;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * The layout of a discharge-abstract file: how it is recognised (columns its header has), where each canonical
 * column comes from, its code tables and the fee-class rules. Loaded from a {@code hqd-layout/1} file
 * ({@link LayoutLoader}); the canonical layout HQD itself writes is {@link #canonical()}.
 *
 * @param recognise   header columns that together identify the layout
 * @param columns     canonical column → the file's columns: text from the first that is not blank, numbers the sum
 *                    (each times its factor); the fee-class rules are such sums (e.g. 治疗费 = 一般治疗操作费 + 非手术治疗项目费
 *                    + 康复费 + 中医治疗费)
 * @param diagnoses   the diagnosis slots, the principal diagnosis first (empty when {@code columns} has principal_dx)
 * @param procedures  the procedure slots, the principal procedure first
 * @param personal    columns with personal data: never stored (only patient_id may come from one, pseudonymised)
 * @param codes       canonical column → (value in the file → canonical value); other values are kept as they are
 * @param fold        charge categories this layout has no column for → the category that holds them (for writing)
 * @param aliases     a column name → other spellings of it accepted in a header
 * @param source      where the layout was loaded from, for messages
 */
public record Layout(String name, String title, LayoutKind kind, CodeEdition codeEdition, List<String> recognise,
                     Map<AbstractColumn, List<SourceColumn>> columns, List<Slot> diagnoses, List<Slot> procedures,
                     Set<String> personal, Map<AbstractColumn, Map<String, String>> codes,
                     Map<ChargeCategory, ChargeCategory> fold, Map<String, List<String>> aliases,
                     Optional<LineForm> lines, String source) {

    /** The name of the canonical layout. */
    public static final String CANONICAL = "hqd";

    /** The canonical columns that diagnosis slots fill. */
    public static final Set<AbstractColumn> FROM_DIAGNOSES = Set.of(AbstractColumn.PRINCIPAL_DX,
            AbstractColumn.SECONDARY_DX, AbstractColumn.ADMISSION_CONDITIONS);
    /** The canonical columns that procedure slots fill. */
    public static final Set<AbstractColumn> FROM_PROCEDURES = Set.of(AbstractColumn.PRINCIPAL_PROC,
            AbstractColumn.OTHER_PROCS, AbstractColumn.PROC_LEVELS, AbstractColumn.PROC_DATES,
            AbstractColumn.PROC_WOUND_CLASSES, AbstractColumn.PROC_HEALING, AbstractColumn.PROC_ANAESTHESIA);

    public Layout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codeEdition, "codeEdition");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(source, "source");
        recognise = List.copyOf(recognise);
        Map<AbstractColumn, List<SourceColumn>> cols = new EnumMap<>(AbstractColumn.class);
        columns.forEach((k, v) -> cols.put(k, List.copyOf(v)));
        columns = java.util.Collections.unmodifiableMap(cols);
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
        personal = Set.copyOf(personal);
        Map<AbstractColumn, Map<String, String>> cs = new EnumMap<>(AbstractColumn.class);
        codes.forEach((k, v) -> cs.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        codes = java.util.Collections.unmodifiableMap(cs);
        fold = fold.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(fold));
        Map<String, List<String>> al = new LinkedHashMap<>();
        aliases.forEach((k, v) -> al.put(k, List.copyOf(v)));
        aliases = java.util.Collections.unmodifiableMap(al);
    }

    /** HQD's own canonical CSV: every column of the case schema under its own name. */
    public static Layout canonical() {
        Map<AbstractColumn, List<SourceColumn>> cols = new EnumMap<>(AbstractColumn.class);
        for (AbstractColumn c : AbstractColumn.values()) {
            cols.put(c, List.of(SourceColumn.of(c.column())));
        }
        return new Layout(CANONICAL, "HQD 标准格式", LayoutKind.CANONICAL,
                CodeEdition.INSURANCE, List.of(AbstractColumn.RECORD_ID.column(), AbstractColumn.PRINCIPAL_DX.column()),
                cols, List.of(), List.of(), Set.of(AbstractColumn.PATIENT_ID.column()), Map.of(), Map.of(), Map.of(),
                Optional.empty(), "内置");
    }

    /** Whether this is HQD's own canonical layout. */
    public boolean isCanonical() {
        return kind == LayoutKind.CANONICAL;
    }

    /** Whether a file of this layout has one row per diagnosis or procedure line. */
    public boolean isLineForm() {
        return lines.isPresent();
    }

    /**
     * The flat layout a line-form file is read as once the lines of each stay are put together: the stay's
     * columns as they are, then up to {@code maxLines} diagnoses and procedures in slots named by the line's column
     * and its place ({@code 诊断代码#1}, {@code 入院病情#1}, …), the principal one first.
     */
    public Layout flattened(int maxLines) {
        LineForm f = lines.orElseThrow(() -> new IllegalStateException(name + " is not a line form"));
        return new Layout(name, title, kind, codeEdition, recognise, columns, lineSlots(f.diagnosis(), maxLines),
                lineSlots(f.procedure(), maxLines), personal, codes, fold, aliases, Optional.empty(), source);
    }

    /** The name of a line's column in the slot of place {@code n} (from 1) of a flattened line form. */
    public static String lineColumn(String column, int n) {
        return column + "#" + n;
    }

    private static List<Slot> lineSlots(Slot line, int max) {
        List<Slot> out = new ArrayList<>(max);
        for (int n = 1; n <= max; n++) {
            Map<SlotPart, String> m = new EnumMap<>(SlotPart.class);
            int at = n;
            line.columns().forEach((k, v) -> {
                if (k != SlotPart.PRINCIPAL) {
                    m.put(k, lineColumn(v, at));
                }
            });
            out.add(new Slot(m));
        }
        return out;
    }

    /** Every column name this layout reads or knows, in layout order (for reports). */
    public List<String> knownColumns() {
        List<String> out = new ArrayList<>(recognise);
        columns.values().forEach(l -> l.forEach(s -> out.add(s.name())));
        for (List<Slot> slots : List.of(diagnoses, procedures)) {
            slots.forEach(s -> out.addAll(s.columns().values()));
        }
        lines.ifPresent(f -> {
            out.add(f.key());
            out.addAll(f.diagnosis().columns().values());
            out.addAll(f.procedure().columns().values());
        });
        out.addAll(personal);
        return out.stream().distinct().toList();
    }
}
