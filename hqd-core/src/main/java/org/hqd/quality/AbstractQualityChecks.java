package org.hqd.quality;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;

/**
 * The row-level quality checks of DESIGN §2.1 over one discharge abstract. Pure: the codes the scheme knows
 * come in as a predicate; which rule ids exist, their severity and message come from a {@link QualityRuleCatalog}.
 * Checks of a whole batch (duplicates) and of reading (malformed lines, bad values) are applied by the importer
 * with the same catalogue.
 */
public final class AbstractQualityChecks {
    /** Every rule id this class and the importer use; a catalogue must define them all. */
    public static final List<String> RULE_IDS = List.of("MALFORMED_LINE", "REQUIRED_MISSING", "FIELD_FORMAT",
            "PRINCIPAL_DX_UNKNOWN", "SECONDARY_CODE_UNKNOWN", "SEX_CODE_CONFLICT", "NEWBORN_WEIGHT", "DATE_ORDER",
            "LOS_MISMATCH", "COST_SUM", "DISCHARGE_METHOD_INVALID", "PROC_LEVEL_INVALID", "DUPLICATE_RECORD",
            "REGISTER_INVALID", "REPORT_INVALID", "PRINCIPAL_DX_UNMAPPED", "HOSPITAL_UNREGISTERED");
    /** The discharge method codes (离院方式), one character each. */
    private static final String DISCHARGE_METHODS = "123459";
    private static final double COST_TOLERANCE = 0.01;

    private final QualityRuleCatalog catalog;
    private final Predicate<String> knownCode;
    private final LocalDate today;

    /**
     * @param knownCode whether the grouping scheme knows a diagnosis or procedure code
     * @param today     the day the rows are checked: dates after it are implausible (see {@link PlausibilityRanges})
     */
    public AbstractQualityChecks(QualityRuleCatalog catalog, Predicate<String> knownCode, LocalDate today) {
        this.catalog = catalog;
        this.knownCode = knownCode;
        this.today = today;
    }

    /** Checks as of the system clock's today (in Beijing time, where the data comes from). */
    public AbstractQualityChecks(QualityRuleCatalog catalog, Predicate<String> knownCode) {
        this(catalog, knownCode, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }

    /**
     * The rules the row fails.
     *
     * @param unreadable columns whose value could not be read (already reported as {@code FIELD_FORMAT}); they
     *                   are not reported again as missing
     */
    public List<QualityFinding> check(DischargeAbstract a, Set<AbstractColumn> unreadable) {
        List<QualityFinding> out = new ArrayList<>(0);
        required(a, unreadable, out);
        if (!a.principalDx().isEmpty() && !knownCode.test(a.principalDx())) {
            out.add(finding("PRINCIPAL_DX_UNKNOWN", shown(a.principalDx())));
        }
        List<String> unknown = new ArrayList<>(0);
        for (String c : a.secondaryDx()) {
            if (!knownCode.test(c)) {
                unknown.add(shown(c));
            }
        }
        if (!a.principalProc().isEmpty() && !knownCode.test(a.principalProc())) {
            unknown.add(shown(a.principalProc()));
        }
        for (String c : a.otherProcs()) {
            if (!knownCode.test(c)) {
                unknown.add(shown(c));
            }
        }
        if (!unknown.isEmpty()) {
            out.add(finding("SECONDARY_CODE_UNKNOWN", String.join("、", unknown)));
        }
        sexConflict(a, out);
        if (a.ageYears() == 0 && a.ageDays() >= 0 && a.ageDays() <= 28
                && (a.birthWeightG() < 100 || a.birthWeightG() > 9999)) {
            out.add(finding("NEWBORN_WEIGHT", a.birthWeightG() < 0 ? "未填写" : a.birthWeightG() + " 克"));
        }
        dates(a, out);
        catalog.ranges().check(a, today, unreadable, this, out);
        if (!a.charges().equals(Charges.NONE) && !Double.isNaN(a.totalCost())
                && Math.abs(a.charges().total() - a.totalCost()) > COST_TOLERANCE) {
            out.add(finding("COST_SUM", String.format("各项合计 %.2f，总费用 %.2f", a.charges().total(), a.totalCost())));
        }
        if (!a.dischargeMethod().isEmpty() && !(a.dischargeMethod().length() == 1
                && DISCHARGE_METHODS.indexOf(a.dischargeMethod().charAt(0)) >= 0)) {
            out.add(finding("DISCHARGE_METHOD_INVALID", a.dischargeMethod().length() <= 2 ? "'" + a.dischargeMethod() + "'"
                    : "（" + a.dischargeMethod().length() + " 个字符的值，未显示）"));
        }
        int procs = (a.principalProc().isEmpty() ? 0 : 1) + a.otherProcs().size();
        if (!a.procLevels().isEmpty() && (a.procLevels().size() != procs
                || a.procLevels().contains(DischargeAbstract.UNKNOWN))) {
            out.add(finding("PROC_LEVEL_INVALID", a.procLevels().size() + " 个级别，" + procs + " 个手术操作"));
        }
        return out;
    }

    /**
     * A diagnosis or procedure code as a message may show it: as it is when it has the shape of one (ICD-10 such as
     * {@code K35.800x001} or {@code A50.400x003+G05.0*}, ICD-9-CM-3 such as {@code 47.0100}); otherwise not at all —
     * a value of another shape in a code column may be a patient's id in the wrong column, and messages are stored.
     */
    static String shown(String code) {
        return CODE_SHAPE.matcher(code).matches() ? code : "（" + code.length() + " 个字符的非编码值，未显示）";
    }

    private static final java.util.regex.Pattern CODE_SHAPE = java.util.regex.Pattern.compile(
            "([A-Z][0-9][0-9A-Z]|[0-9]{2})(\\.[0-9A-Za-z]{1,9})?([+*][A-Z0-9.x*+]{0,16})?");

    /** A finding of a rule of this catalogue. */
    public QualityFinding finding(String ruleId, String detail) {
        return new QualityFinding(catalog.rule(ruleId), detail);
    }

    private void required(DischargeAbstract a, Set<AbstractColumn> unreadable, List<QualityFinding> out) {
        List<String> missing = new ArrayList<>(0);
        for (AbstractColumn c : AbstractColumn.FOR_IMPORT) {
            need(missing, unreadable, c, present(a, c));
        }
        if (!missing.isEmpty()) {
            out.add(finding("REQUIRED_MISSING", String.join("、", missing)));
        }
    }

    /** Whether the abstract has a value for a column every row must fill ({@link AbstractColumn#FOR_IMPORT}). */
    private static boolean present(DischargeAbstract a, AbstractColumn c) {
        return switch (c) {
            case HOSPITAL_ID -> !a.hospitalId().isEmpty();
            case RECORD_ID -> !a.recordId().isEmpty();
            case SEX -> a.sex() != Sex.UNKNOWN;
            case AGE_YEARS -> a.ageYears() >= 0;
            case ADMISSION_DATE -> a.admissionDate() != null;
            case DISCHARGE_DATE -> a.dischargeDate() != null;
            case LOS_DAYS -> a.losDays() >= 0;
            case DISCHARGE_METHOD -> !a.dischargeMethod().isEmpty();
            case PRINCIPAL_DX -> !a.principalDx().isEmpty();
            case TOTAL_COST -> !Double.isNaN(a.totalCost());
            default -> throw new IllegalArgumentException("not a required column: " + c);
        };
    }

    private static void need(List<String> missing, Set<AbstractColumn> unreadable, AbstractColumn c, boolean present) {
        if (!present && !unreadable.contains(c)) {
            missing.add(c.named());
        }
    }

    private void sexConflict(DischargeAbstract a, List<QualityFinding> out) {
        if (a.sex() == Sex.UNKNOWN) {
            return;
        }
        String conflict = conflict(a.principalDx(), a.sex());
        for (int i = 0; conflict.isEmpty() && i < a.secondaryDx().size(); i++) {
            conflict = conflict(a.secondaryDx().get(i), a.sex());
        }
        if (!conflict.isEmpty()) {
            out.add(finding("SEX_CODE_CONFLICT", conflict + "，性别为" + a.sex().label()));
        }
    }

    /** The code when it belongs only to the other sex, else empty. */
    static String conflict(String code, Sex sex) {
        if (code.length() < 3) {
            return "";
        }
        char chapter = code.charAt(0);
        int n = (Character.isDigit(code.charAt(1)) && Character.isDigit(code.charAt(2)))
                ? (code.charAt(1) - '0') * 10 + (code.charAt(2) - '0') : -1;
        boolean femaleOnly = chapter == 'O' || (chapter == 'N' && n >= 70 && n <= 98)
                || (chapter == 'C' && n >= 51 && n <= 58);
        boolean maleOnly = (chapter == 'N' && n >= 40 && n <= 51) || (chapter == 'C' && n >= 60 && n <= 63);
        return (femaleOnly && sex == Sex.MALE) || (maleOnly && sex == Sex.FEMALE) ? code : "";
    }

    private void dates(DischargeAbstract a, List<QualityFinding> out) {
        if (a.admissionDate() == null || a.dischargeDate() == null) {
            return;
        }
        long days = ChronoUnit.DAYS.between(a.admissionDate(), a.dischargeDate());
        if (days < 0) {
            out.add(finding("DATE_ORDER", a.admissionDate() + " → " + a.dischargeDate()));
        } else if (a.losDays() >= 0 && a.losDays() != days && !(days == 0 && a.losDays() == 1)) {
            out.add(finding("LOS_MISMATCH", "住院天数 " + a.losDays() + "，入出院相差 " + days + " 天"));
        }
    }
}
