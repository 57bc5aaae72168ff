package org.hqd.io.abstracts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.io.csv.CsvScanner;
import org.jspecify.annotations.Nullable;

/**
 * Turns the current record of a {@link CsvScanner} into a {@link ParsedAbstract}. A value that cannot be read is
 * left missing and reported as a {@link FieldProblem} naming the column; the row is never dropped. Lists
 * (diagnoses, procedures, grades) are {@code |}-separated. One parser per thread.
 */
public final class AbstractRowParser {
    private final AbstractHeader header;
    private final boolean hasCharges;
    private List<FieldProblem> problems;

    public AbstractRowParser(AbstractHeader header) {
        this.header = header;
        boolean any = false;
        for (AbstractColumn c : AbstractColumn.values()) {
            any |= c.charge().isPresent() && header.indexOf(c) >= 0;
        }
        this.hasCharges = any;
    }

    public ParsedAbstract parse(CsvScanner s) {
        problems = new ArrayList<>(0);
        if (s.unterminated()) {
            problems.add(FieldProblem.ofLine("第 " + s.line() + " 行引号未闭合（文件可能被截断）"));
        } else if (s.fieldCount() != header.width()) {
            problems.add(FieldProblem.ofLine("第 " + s.line() + " 行有 " + s.fieldCount() + " 个字段，表头有 "
                    + header.width() + " 个（逗号未加引号或行被截断）"));
        }
        DischargeAbstract.Builder b = DischargeAbstract.builder()
                .hospitalId(text(s, AbstractColumn.HOSPITAL_ID))
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
                .daySurgery("1".equals(text(s, AbstractColumn.DAY_SURGERY)))
                .payer(text(s, AbstractColumn.PAYER))
                .totalCost(amount(s, AbstractColumn.TOTAL_COST));
        if (hasCharges) {
            double[] charges = new double[ChargeCategory.values().length];
            for (ChargeCategory c : ChargeCategory.values()) {
                double v = amount(s, AbstractColumn.values()[AbstractColumn.COST_BED.ordinal() + c.ordinal()]);
                charges[c.ordinal()] = Double.isNaN(v) ? 0 : v;
            }
            b.charges(Charges.of(charges));
        }
        return new ParsedAbstract(s.line(), b.build(), problems);
    }

    private String text(CsvScanner s, AbstractColumn c) {
        int i = header.indexOf(c);
        return i < 0 || s.isBlank(i) ? "" : s.field(i).strip();
    }

    private Sex sex(CsvScanner s) {
        String v = text(s, AbstractColumn.SEX);
        if (v.isEmpty()) {
            return Sex.UNKNOWN;
        }
        return Sex.fromCode(v).orElseGet(() -> {
            problems.add(FieldProblem.of(AbstractColumn.SEX, AbstractColumn.SEX.named() + " 取值 '" + v
                    + "' 无效，应为 1（男）或 2（女）"));
            return Sex.UNKNOWN;
        });
    }

    private int integer(CsvScanner s, AbstractColumn c) {
        String v = text(s, c);
        if (v.isEmpty()) {
            return DischargeAbstract.UNKNOWN;
        }
        int n = parseWhole(v);
        if (n == Integer.MIN_VALUE) {
            problems.add(FieldProblem.of(c, c.named() + " 不是非负整数：'" + v + "'"));
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

    private double amount(CsvScanner s, AbstractColumn c) {
        String v = text(s, c);
        if (v.isEmpty()) {
            return Double.NaN;
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
        problems.add(FieldProblem.of(c, c.named() + " 不是数值：'" + v + "'"));
        return Double.NaN;
    }

    private @Nullable LocalDate date(CsvScanner s, AbstractColumn c) {
        String v = text(s, c);
        if (v.isEmpty()) {
            return null;
        }
        try {
            String d = v.length() > 10 ? v.substring(0, 10) : v;
            if (d.length() == 8 && d.chars().allMatch(Character::isDigit)) {
                d = d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6);
            }
            return LocalDate.parse(d.replace('/', '-'));
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(c, c.named() + " 不是日期（应为 YYYY-MM-DD）：'" + v + "'"));
            return null;
        }
    }

    private List<String> list(CsvScanner s, AbstractColumn c) {
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

    /** Grades aligned with the procedures: a blank item is an unknown grade, not dropped. */
    private List<Integer> levels(CsvScanner s) {
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
                        + " 应为 1–4：'" + r + "'"));
                n = DischargeAbstract.UNKNOWN;
            }
            out.add(n);
        }
        return out;
    }
}
