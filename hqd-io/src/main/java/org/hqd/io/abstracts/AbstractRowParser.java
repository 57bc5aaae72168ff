package org.hqd.io.abstracts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.HomepageFee;
import org.hqd.casemix.abstracts.HomepageFees;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.io.csv.Fields;
import org.jspecify.annotations.Nullable;

/**
 * Turns a record ({@link Fields}: a CSV scanner's current record, or fields already split) into a
 * {@link ParsedAbstract}. A value that cannot be read is left missing and reported as a {@link FieldProblem} naming
 * the column and what it should be, never the value itself (it may be a patient's id in the wrong column, and
 * problems are stored); the row is never dropped. Lists
 * (diagnoses, procedures, grades) are {@code |}-separated. One parser per thread.
 */
public final class AbstractRowParser {
    private static final AbstractColumn[] COLUMNS = AbstractColumn.values();
    private static final ChargeCategory[] CHARGES = ChargeCategory.values();
    private final AbstractHeader header;
    private static final HomepageFee[] FEES = HomepageFee.values();
    private final UnaryOperator<String> hospitals;
    private final boolean hasCharges;
    private final boolean hasFees;
    private List<FieldProblem> problems;

    public AbstractRowParser(AbstractHeader header) {
        this(header, UnaryOperator.identity());
    }

    /** @param hospitals the file's hospital code → the hospital id it stands for (e.g. an org code matched in the register) */
    public AbstractRowParser(AbstractHeader header, UnaryOperator<String> hospitals) {
        this.header = header;
        this.hospitals = hospitals;
        boolean charges = false;
        boolean fees = false;
        for (AbstractColumn c : COLUMNS) {
            charges |= c.charge().isPresent() && header.indexOf(c) >= 0;
            fees |= c.fee().isPresent() && header.indexOf(c) >= 0;
        }
        this.hasCharges = charges;
        this.hasFees = fees;
    }

    public ParsedAbstract parse(Fields s) {
        problems = new ArrayList<>(0);
        String shape = s.shapeProblem(header.width());
        if (!shape.isEmpty()) {
            problems.add(FieldProblem.ofLine("第 " + s.line() + " 行" + shape));
        }
        DischargeAbstract.Builder b = DischargeAbstract.builder()
                .hospitalId(hospitals.apply(text(s, AbstractColumn.HOSPITAL_ID)))
                .recordId(text(s, AbstractColumn.RECORD_ID))
                .patientId(text(s, AbstractColumn.PATIENT_ID))
                .sex(sex(s))
                .birthDate(date(s, AbstractColumn.BIRTH_DATE))
                .ageYears(integer(s, AbstractColumn.AGE_YEARS))
                .ageDays(integer(s, AbstractColumn.AGE_DAYS))
                .birthWeightG(integer(s, AbstractColumn.BIRTH_WEIGHT_G))
                .admissionDate(date(s, AbstractColumn.ADMISSION_DATE))
                .dischargeDate(date(s, AbstractColumn.DISCHARGE_DATE))
                .losDays(integer(s, AbstractColumn.LOS_DAYS))
                .admissionRoute(text(s, AbstractColumn.ADMISSION_ROUTE))
                .dischargeMethod(text(s, AbstractColumn.DISCHARGE_METHOD))
                .department(text(s, AbstractColumn.DEPARTMENT))
                .attendingPhysician(text(s, AbstractColumn.ATTENDING_PHYSICIAN))
                .principalDx(text(s, AbstractColumn.PRINCIPAL_DX))
                .secondaryDx(list(s, AbstractColumn.SECONDARY_DX))
                .principalProc(text(s, AbstractColumn.PRINCIPAL_PROC))
                .otherProcs(list(s, AbstractColumn.OTHER_PROCS))
                .procLevels(levels(s))
                .daySurgery(flag(text(s, AbstractColumn.DAY_SURGERY)))
                .payer(text(s, AbstractColumn.PAYER))
                .totalCost(amount(s, AbstractColumn.TOTAL_COST));
        if (hasCharges) {
            double[] charges = new double[CHARGES.length];
            for (ChargeCategory c : CHARGES) {
                double v = amount(s, AbstractColumn.of(c));
                charges[c.ordinal()] = Double.isNaN(v) ? 0 : v;
            }
            b.charges(Charges.of(charges));
        }
        indicatorFields(s, b);
        return new ParsedAbstract(s.line(), b.build(), problems);
    }

    /** The optional fields the national indicators need; a file without them costs a few index checks. */
    private void indicatorFields(Fields s, DischargeAbstract.Builder b) {
        b.admissionConditions(codes(s, AbstractColumn.ADMISSION_CONDITIONS, "1234"))
                .procDates(dates(s))
                .woundClasses(aligned(s, AbstractColumn.PROC_WOUND_CLASSES))
                .woundHealing(aligned(s, AbstractColumn.PROC_HEALING))
                .anaesthesia(aligned(s, AbstractColumn.PROC_ANAESTHESIA))
                .ventilatorHours(amount(s, AbstractColumn.VENTILATOR_HOURS))
                .icuHours(amount(s, AbstractColumn.ICU_HOURS))
                .selfPay(amount(s, AbstractColumn.SELF_PAY));
        if (hasFees) {
            double[] fees = new double[FEES.length];
            for (HomepageFee f : FEES) {
                fees[f.ordinal()] = amount(s, AbstractColumn.of(f));
            }
            b.homepageFees(HomepageFees.of(fees));
        }
    }

    private String text(Fields s, AbstractColumn c) {
        int i = header.indexOf(c);
        if (i < 0 || s.isBlank(i)) {
            return "";
        }
        String v = s.field(i);
        if (v.isEmpty()) { // a layout's code table may turn a value into a blank one
            return v;
        }
        return Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1)) ? v.strip() : v;
    }

    /** A yes/no field: 1, true, t, y, yes or 是 are yes (case ignored); anything else is no. */
    static boolean flag(String v) {
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "1": case "true": case "t": case "y": case "yes": case "是":
                return true;
            default:
                return false;
        }
    }

    private Sex sex(Fields s) {
        String v = text(s, AbstractColumn.SEX);
        if (v.isEmpty()) {
            return Sex.UNKNOWN;
        }
        return Sex.fromCode(v).orElseGet(() -> {
            problems.add(FieldProblem.of(AbstractColumn.SEX, AbstractColumn.SEX.named() + " 取值无效，应为 1（男）或 2（女）"));
            return Sex.UNKNOWN;
        });
    }

    private int integer(Fields s, AbstractColumn c) {
        String v = text(s, c);
        if (v.isEmpty()) {
            return DischargeAbstract.UNKNOWN;
        }
        int n = parseWhole(v);
        if (n == Integer.MIN_VALUE) {
            problems.add(FieldProblem.of(c, c.named() + " 不是非负整数"));
            return DischargeAbstract.UNKNOWN;
        }
        return n;
    }

    /** A non-negative whole number ("12", "012", "12.0"), or MIN_VALUE when the text is not one. */
    static int parseWhole(String v) {
        int dot = v.indexOf('.');
        int end = dot < 0 ? v.length() : dot;
        if (end == 0) {
            return Integer.MIN_VALUE;
        }
        long n = 0;
        for (int i = 0; i < end; i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return Integer.MIN_VALUE;
            }
            n = n * 10 + (ch - '0');
            if (n > Integer.MAX_VALUE) {
                return Integer.MIN_VALUE;
            }
        }
        for (int k = end + 1; k < v.length(); k++) {
            if (v.charAt(k) != '0') {
                return Integer.MIN_VALUE;
            }
        }
        return (int) n;
    }

    private double amount(Fields s, AbstractColumn c) {
        int at = header.indexOf(c);
        double plain = at < 0 ? Double.NaN : s.plainDecimal(at);
        if (!Double.isNaN(plain)) {
            return plain;
        }
        String v = text(s, c);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double fast = parseSimpleDecimal(v);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        char last = v.charAt(v.length() - 1);
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && (last == '.' || (last >= '0' && last <= '9'))) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.of(c, c.named() + " 不是数值"));
        return Double.NaN;
    }

    /**
     * A plain decimal such as "1234.56" or "-7" with at most 15 digits, converted exactly as
     * {@link Double#parseDouble} would (an integer below 2^53 divided by an exact power of ten is correctly
     * rounded); NaN for any other text, which then takes the general path.
     */
    static double parseSimpleDecimal(String v) {
        int i = 0;
        int len = v.length();
        boolean negative = len > 0 && v.charAt(0) == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0;
        int scale = -1;
        for (; i < len; i++) {
            char ch = v.charAt(i);
            if (ch == '.' && scale < 0) {
                scale = 0;
            } else if (ch >= '0' && ch <= '9') {
                if (++count > 15) {
                    return Double.NaN;
                }
                digits = digits * 10 + (ch - '0');
                if (scale >= 0) {
                    scale++;
                }
            } else {
                return Double.NaN;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double d = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
        return negative ? -d : d;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};

    private @Nullable LocalDate date(Fields s, AbstractColumn c) {
        String v = text(s, c);
        return v.isEmpty() ? null : dateOf(v, c);
    }

    private @Nullable LocalDate dateOf(String v, AbstractColumn c) {
        LocalDate iso = isoDate(v);
        if (iso != null) {
            return iso;
        }
        try {
            String d = v.length() > 10 ? v.substring(0, 10) : v;
            if (d.length() == 8 && d.chars().allMatch(Character::isDigit)) {
                d = d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6);
            }
            return LocalDate.parse(d.replace('/', '-'));
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(c, c.named() + " 不是日期（应为 YYYY-MM-DD）"));
            return null;
        }
    }

    /** "YYYY-MM-DD" (optionally followed by a time) read without a formatter; null for any other form. */
    private static @Nullable LocalDate isoDate(String v) {
        if (v.length() < 10 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.length() > 10 && v.charAt(10) != ' '
                && v.charAt(10) != 'T')) {
            return null;
        }
        int y = digits(v, 0, 4);
        int m = digits(v, 5, 7);
        int d = digits(v, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    private List<String> list(Fields s, AbstractColumn c) {
        String v = text(s, c);
        if (v.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        int from = 0;
        while (from <= v.length()) {
            int bar = v.indexOf('|', from);
            int to = bar < 0 ? v.length() : bar;
            String item = v.substring(from, to).strip();
            if (!item.isEmpty()) {
                out.add(item);
            }
            from = to + 1;
        }
        return out;
    }

    /** An aligned list: items in order, a blank item kept as the empty string (an unknown value). */
    private List<String> aligned(Fields s, AbstractColumn c) {
        String v = text(s, c);
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.indexOf('|') < 0) {
            return List.of(v);
        }
        String[] raw = v.split("\\|", -1);
        List<String> out = new ArrayList<>(raw.length);
        for (String item : raw) {
            out.add(item.strip());
        }
        return out;
    }

    /** An aligned list of one-character codes out of {@code allowed}; another value is reported and left unknown. */
    private List<String> codes(Fields s, AbstractColumn c, String allowed) {
        List<String> items = aligned(s, c);
        for (int i = 0; i < items.size(); i++) {
            String r = items.get(i);
            if (!r.isEmpty() && (r.length() != 1 || allowed.indexOf(r.charAt(0)) < 0)) {
                problems.add(FieldProblem.of(c, c.named() + " 第 " + (i + 1) + " 项应为 "
                        + String.join("、", allowed.split(""))));
                items = new ArrayList<>(items);
                items.set(i, "");
            }
        }
        return items;
    }

    /** Procedure dates aligned with the procedures, each written YYYY-MM-DD; an unreadable one is reported. */
    private List<String> dates(Fields s) {
        List<String> items = aligned(s, AbstractColumn.PROC_DATES);
        List<String> out = items.isEmpty() ? items : new ArrayList<>(items.size());
        for (String r : items) {
            LocalDate d = r.isEmpty() ? null : dateOf(r, AbstractColumn.PROC_DATES);
            out.add(d == null ? "" : d.toString());
        }
        return out;
    }

    /** Grades aligned with the procedures: a blank item is an unknown grade, not dropped. */
    private List<Integer> levels(Fields s) {
        String v = text(s, AbstractColumn.PROC_LEVELS);
        if (v.isEmpty()) {
            return List.of();
        }
        String[] raw = v.split("\\|", -1);
        List<Integer> out = new ArrayList<>(raw.length);
        for (String item : raw) {
            String r = item.strip();
            if (r.isEmpty()) {
                out.add(DischargeAbstract.UNKNOWN);
                continue;
            }
            int n = parseWhole(r);
            if (n < 1 || n > 4) {
                problems.add(FieldProblem.of(AbstractColumn.PROC_LEVELS, AbstractColumn.PROC_LEVELS.named()
                        + " 应为 1–4"));
                n = DischargeAbstract.UNKNOWN;
            }
            out.add(n);
        }
        return out;
    }
}
