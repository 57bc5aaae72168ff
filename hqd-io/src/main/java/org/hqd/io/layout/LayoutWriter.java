package org.hqd.io.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.ColumnType;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.HomepageFee;
import org.hqd.casemix.grouping.ClinicalCodes;
import org.hqd.casemix.layout.CodeEdition;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.layout.LineForm;
import org.hqd.casemix.layout.Slot;
import org.hqd.casemix.layout.SlotPart;
import org.hqd.casemix.layout.SourceColumn;

/**
 * Turns canonical abstracts into the rows of a layout, the inverse of reading it: each canonical column goes to the
 * first column the layout reads it from, through the inverse of its code table; a charge category goes to the first
 * column of the category the layout folds it into (so that reading the row back gives the same drug, consumable,
 * examination and laboratory sums and the same total); diagnoses and procedures fill the slots (or, in the line
 * form, one row per line). The hospital id is written as the hospital's org code when the register gives one.
 * Thread-safe: rows are built without shared state.
 */
public final class LayoutWriter {
    private final Layout layout;
    private final Map<String, String> orgCodes;
    private final List<String> header = new ArrayList<>();
    private final Map<String, Integer> at = new HashMap<>();
    private final int dxSlots;
    private final int procSlots;
    private final Map<String, String> dxCodes;
    private final Map<String, String> procCodes;

    /**
     * @param orgCodes hospital id → org code (组织机构代码) of the register; ids without one are written as they are
     * @param maxDiagnoses  the most diagnoses (principal included) a written abstract has
     * @param maxProcedures the most procedures a written abstract has
     * @param codes         for a layout of 国家临床版 codes, the map the import reads them with (written through its
     *                      inverse, so that reading the file back gives the same 医保版 codes)
     */
    public LayoutWriter(Layout layout, Map<String, String> orgCodes, int maxDiagnoses, int maxProcedures,
                        Optional<ClinicalCodes> codes) {
        this.layout = layout;
        this.orgCodes = Map.copyOf(orgCodes);
        boolean clinical = layout.codeEdition() == CodeEdition.CLINICAL && codes.isPresent();
        this.dxCodes = clinical ? codes.get().toClinical(true) : Map.of();
        this.procCodes = clinical ? codes.get().toClinical(false) : Map.of();
        for (Map.Entry<AbstractColumn, List<SourceColumn>> e : layout.columns().entrySet()) {
            if (e.getKey().type() == ColumnType.AMOUNT && (e.getKey().charge().isPresent() || e.getKey().fee().isPresent())) {
                e.getValue().forEach(s -> add(s.name()));
            } else {
                add(e.getValue().get(0).name());
            }
        }
        if (layout.lines().isEmpty()) {
            layout.recognise().forEach(this::add);
        }
        if (layout.lines().isPresent()) {
            LineForm f = layout.lines().get();
            add(f.key());
            f.diagnosis().columns().values().forEach(this::add);
            f.procedure().columns().values().forEach(this::add);
            dxSlots = 0;
            procSlots = 0;
        } else {
            dxSlots = Math.min(maxDiagnoses, layout.diagnoses().size());
            procSlots = Math.min(maxProcedures, layout.procedures().size());
            addSlots(layout.diagnoses(), dxSlots);
            addSlots(layout.procedures(), procSlots);
        }
    }

    private void addSlots(List<Slot> slots, int n) {
        for (int k = 0; k < n; k++) {
            slots.get(k).columns().forEach((part, name) -> add(name));
        }
    }

    private void add(String name) {
        if (!at.containsKey(name)) {
            at.put(name, header.size());
            header.add(name);
        }
    }

    /** The header of the written file. */
    public List<String> header() {
        return List.copyOf(header);
    }

    /** The rows of one abstract: one for a flat layout, one per diagnosis or procedure line for the line form. */
    public List<String[]> rows(DischargeAbstract a) {
        String[] row = new String[header.size()];
        java.util.Arrays.fill(row, "");
        for (AbstractColumn c : layout.columns().keySet()) {
            if (c.charge().isEmpty() && c.fee().isEmpty()) {
                String v = value(a, c);
                layout.columns().get(c).forEach(s -> set(row, s.name(), v)); // those the header has
            }
        }
        charges(a, row);
        List<String[]> dx = diagnoses(a);
        List<String[]> procs = procedures(a);
        if (layout.lines().isEmpty()) {
            fillSlots(row, layout.diagnoses(), dx);
            fillSlots(row, layout.procedures(), procs);
            List<String[]> one = new ArrayList<>(1);
            one.add(row);
            return one;
        }
        LineForm f = layout.lines().get();
        set(row, f.key(), a.recordId());
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.max(dx.size(), procs.size())); i++) {
            String[] r = row.clone();
            line(r, f.diagnosis(), i < dx.size() ? dx.get(i) : null, i == 0);
            line(r, f.procedure(), i < procs.size() ? procs.get(i) : null, i == 0);
            out.add(r);
        }
        return out;
    }

    private void line(String[] r, Slot slot, String[] values, boolean principal) {
        if (values == null) {
            return;
        }
        slot.columns().forEach((part, name) -> set(r, name, part == SlotPart.PRINCIPAL ? (principal ? "1" : "0")
                : values[part.ordinal()]));
    }

    private void fillSlots(String[] row, List<Slot> slots, List<String[]> values) {
        if (values.size() > Math.min(slots.size(), slots == layout.diagnoses() ? dxSlots : procSlots)) {
            throw new IllegalArgumentException("more diagnoses or procedures than the writer's slots: " + values.size());
        }
        for (int k = 0; k < values.size(); k++) {
            String[] v = values.get(k);
            slots.get(k).columns().forEach((part, name) -> set(row, name, v[part.ordinal()]));
        }
    }

    /** Each diagnosis as its parts (by {@link SlotPart} ordinal), the principal first. */
    private List<String[]> diagnoses(DischargeAbstract a) {
        List<String[]> out = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        codes.add(a.principalDx());
        codes.addAll(a.secondaryDx());
        for (int i = 0; i < codes.size(); i++) {
            String[] p = parts();
            p[SlotPart.CODE.ordinal()] = dxCodes.getOrDefault(codes.get(i), codes.get(i));
            p[SlotPart.ADMISSION.ordinal()] = inverse(AbstractColumn.ADMISSION_CONDITIONS,
                    item(a.admissionConditions(), i));
            out.add(p);
        }
        return out;
    }

    private List<String[]> procedures(DischargeAbstract a) {
        List<String[]> out = new ArrayList<>();
        if (a.principalProc().isEmpty()) {
            return out;
        }
        List<String> codes = new ArrayList<>();
        codes.add(a.principalProc());
        codes.addAll(a.otherProcs());
        for (int i = 0; i < codes.size(); i++) {
            String[] p = parts();
            p[SlotPart.CODE.ordinal()] = procCodes.getOrDefault(codes.get(i), codes.get(i));
            int level = i < a.procLevels().size() ? a.procLevels().get(i) : DischargeAbstract.UNKNOWN;
            p[SlotPart.LEVEL.ordinal()] = level < 0 ? "" : Integer.toString(level);
            p[SlotPart.DATE.ordinal()] = item(a.procDates(), i);
            p[SlotPart.WOUND.ordinal()] = inverse(AbstractColumn.PROC_WOUND_CLASSES, item(a.woundClasses(), i));
            p[SlotPart.HEALING.ordinal()] = inverse(AbstractColumn.PROC_HEALING, item(a.woundHealing(), i));
            p[SlotPart.ANAESTHESIA.ordinal()] = inverse(AbstractColumn.PROC_ANAESTHESIA, item(a.anaesthesia(), i));
            out.add(p);
        }
        return out;
    }

    private static String[] parts() {
        String[] p = new String[SlotPart.values().length];
        java.util.Arrays.fill(p, "");
        return p;
    }

    private static String item(List<String> list, int i) {
        return i < list.size() ? list.get(i) : "";
    }

    /** The charges in cents per file column: each category to the first column of the category it folds into. */
    private void charges(DischargeAbstract a, String[] row) {
        if (a.charges().equals(org.hqd.casemix.abstracts.Charges.NONE)) {
            return;
        }
        Map<String, Long> cents = new LinkedHashMap<>();
        for (ChargeCategory c : ChargeCategory.values()) {
            ChargeCategory target = layout.fold().getOrDefault(c, c);
            List<SourceColumn> sources = layout.columns().get(AbstractColumn.of(target));
            if (sources != null) {
                cents.merge(sources.get(0).name(), Math.round(a.charges().get(c) * 100), Long::sum);
            }
        }
        for (Map.Entry<AbstractColumn, List<SourceColumn>> e : layout.columns().entrySet()) {
            if (e.getKey().charge().isPresent()) {
                e.getValue().forEach(s -> cents.putIfAbsent(s.name(), 0L));
            }
        }
        cents.forEach((name, v) -> set(row, name, yuan(v)));
        for (HomepageFee f : HomepageFee.values()) {
            List<SourceColumn> sources = layout.columns().get(AbstractColumn.of(f));
            double v = a.homepageFees().get(f);
            if (f.isSubItem() && sources != null && sources.size() == 1 && !Double.isNaN(v)) {
                set(row, sources.get(0).name(), yuan(Math.round(v * 100)));
            }
        }
    }

    private String value(DischargeAbstract a, AbstractColumn c) {
        return switch (c) {
            case HOSPITAL_ID -> orgCodes.getOrDefault(a.hospitalId(), a.hospitalId());
            case RECORD_ID -> a.recordId();
            case PATIENT_ID -> a.patientId();
            case SEX -> inverse(c, a.sex().code());
            case BIRTH_DATE -> date(a.birthDate());
            case AGE_YEARS -> whole(a.ageYears());
            case AGE_DAYS -> whole(a.ageDays());
            case BIRTH_WEIGHT_G -> whole(a.birthWeightG());
            case ADMISSION_DATE -> date(a.admissionDate());
            case DISCHARGE_DATE -> date(a.dischargeDate());
            case LOS_DAYS -> whole(a.losDays());
            case ADMISSION_ROUTE -> inverse(c, a.admissionRoute());
            case DISCHARGE_METHOD -> inverse(c, a.dischargeMethod());
            case DEPARTMENT -> a.department();
            case ATTENDING_PHYSICIAN -> a.attendingPhysician();
            case DAY_SURGERY -> inverse(c, a.daySurgery() ? "1" : "0");
            case PAYER -> inverse(c, a.payer());
            case TOTAL_COST -> amount(a.totalCost());
            case SELF_PAY -> amount(a.selfPay());
            case VENTILATOR_HOURS -> plain(a.ventilatorHours());
            case ICU_HOURS -> plain(a.icuHours());
            default -> "";
        };
    }

    /** The file's value for a canonical value: the first code that the layout's table maps to it, else the value. */
    private String inverse(AbstractColumn c, String canonical) {
        for (Map.Entry<String, String> e : layout.codes().getOrDefault(c, Map.of()).entrySet()) {
            if (e.getValue().equals(canonical) && !canonical.isEmpty()) {
                return e.getKey();
            }
        }
        return canonical;
    }

    private void set(String[] row, String column, String value) {
        Integer i = at.get(column);
        if (i != null) {
            row[i] = value;
        }
    }

    private static String date(java.time.LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String whole(int v) {
        return v < 0 ? "" : Integer.toString(v);
    }

    private static String amount(double v) {
        return Double.isNaN(v) ? "" : yuan(Math.round(v * 100));
    }

    private static String plain(double v) {
        return Double.isNaN(v) ? "" : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String yuan(long cents) {
        String sign = cents < 0 ? "-" : "";
        long c = Math.abs(cents);
        return sign + c / 100 + "." + (c % 100 < 10 ? "0" : "") + c % 100;
    }
}
