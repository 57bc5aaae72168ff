package org.hqd.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.evaluation.codes.CodeList;
import org.hqd.evaluation.codes.OperationLists;

/**
 * Turns a case into a {@link CaseTemplate}: it makes sex agree with the sex-specific codes and the MDC (MDCN and
 * any pregnancy code → female, MDCM → male), gives the template an age band (mothers 18–45, newborns 0–28 days
 * with the birth-weight band of the case, otherwise the band of the case's age), groups it, and keeps the ranges
 * only where grouping their lowest and highest values, with either free sex, gives the same DRG. Cases with
 * contradictory sex-specific codes, codes that would need CSV quoting, cases that do not group into a DRG, and
 * newborns outside MDC P (a newborn with joint disease or tuberculosis is not what 新生儿科 treats), give no
 * template.
 */
final class TemplateNormalizer {
    /** Lowest age of each age band; the last band ends at {@link #OLDEST}. */
    private static final int[] BAND_STARTS = {0, 1, 7, 18, 35, 50, 65, 80};
    private static final int OLDEST = 95;
    private static final int NEWBORN_DAYS = 28;
    /** The operation list the national indicators count operations by (手术目录, as bundled). */
    private static final CodeList OPERATIONS = OperationLists.bundled().operations();

    private final DrgGrouper grouper;
    private final Set<String> orProcedures;

    TemplateNormalizer(DrgGrouper grouper) {
        this.grouper = grouper;
        this.orProcedures = grouper.pack().orProcedures().keySet();
    }

    Optional<CaseTemplate> normalize(DischargeAbstract a) {
        if (a.principalDx().isBlank()) {
            return Optional.empty();
        }
        List<String> dx = new ArrayList<>(a.secondaryDx().size() + 1);
        dx.add(a.principalDx());
        dx.addAll(a.secondaryDx());
        List<String> procs = new ArrayList<>(a.otherProcs().size() + 1);
        if (!a.principalProc().isBlank()) {
            procs.add(a.principalProc());
            procs.addAll(a.otherProcs());
        }
        if (!plainCodes(dx) || !plainCodes(procs)) {
            return Optional.empty();
        }
        int mask = SexSpecificCodes.of(dx, procs);
        if (mask == (SexSpecificCodes.FEMALE | SexSpecificCodes.MALE)) {
            return Optional.empty();
        }
        boolean obstetric = SexSpecificCodes.obstetric(dx, procs);
        Sex sex = mask == SexSpecificCodes.FEMALE ? Sex.FEMALE : mask == SexSpecificCodes.MALE ? Sex.MALE : Sex.UNKNOWN;
        if (!sex.isKnown()) {
            String mdc = grouper.group(a).mdc();
            sex = "MDCN".equals(mdc) ? Sex.FEMALE : "MDCM".equals(mdc) ? Sex.MALE : Sex.UNKNOWN;
        }
        Ranges r = ranges(a, obstetric);
        Sex probe = sex.isKnown() ? sex : a.sex().isKnown() ? a.sex() : Sex.FEMALE;
        GroupingResult mid = group(a, probe, r.ageMid, r.daysMid, r.weightMid);
        if (mid.status() != GroupingStatus.GROUPED) {
            return Optional.empty();
        }
        String drg = mid.drg();
        if (!groupsAt(a, probe, r, drg)) {
            r = r.collapsed();
        }
        if (!sex.isKnown() && !groupsAt(a, probe == Sex.MALE ? Sex.FEMALE : Sex.MALE, r, drg)) {
            sex = probe;
        }
        GroupKind kind = GroupKind.of(drg);
        boolean newborn = r.ageMax == 0 && r.daysMax <= NEWBORN_DAYS;
        if (newborn != (drg.charAt(0) == 'P' && r.daysMax <= NEWBORN_DAYS)) {
            return Optional.empty(); // a newborn belongs in MDC P (新生儿科), and MDC P's newborn groups to newborns
        }
        return Optional.of(new CaseTemplate(drg, sex, r.ageMin, r.ageMax, r.daysMin, r.daysMax, r.weightMin,
                r.weightMax, obstetric, CsvBytes.utf8(a.principalDx()), CsvBytes.utf8(String.join("|", a.secondaryDx())),
                CsvBytes.utf8(procs.isEmpty() ? "" : procs.get(0)),
                CsvBytes.utf8(procs.isEmpty() ? "" : String.join("|", procs.subList(1, procs.size()))),
                levels(procs, kind), operations(procs), Department.forAdult(drg.charAt(0), kind, a.principalDx()),
                Department.forChild(drg.charAt(0), kind, a.principalDx(), newborn)));
    }

    private boolean groupsAt(DischargeAbstract a, Sex sex, Ranges r, String drg) {
        GroupingResult lo = group(a, sex, r.ageMin, r.daysMin, r.weightMin);
        GroupingResult hi = group(a, sex, r.ageMax, r.daysMax, r.weightMax);
        return lo.status() == GroupingStatus.GROUPED && drg.equals(lo.drg())
                && hi.status() == GroupingStatus.GROUPED && drg.equals(hi.drg());
    }

    /** The case as a generated row would carry it: no age in days from one year on, no weight unless newborn. */
    private GroupingResult group(DischargeAbstract a, Sex sex, int ageYears, int ageDays, int weight) {
        DischargeAbstract v = DischargeAbstract.builder().recordId(a.recordId()).sex(sex).ageYears(ageYears)
                .ageDays(ageYears == 0 ? ageDays : DischargeAbstract.UNKNOWN).birthWeightG(weight)
                .losDays(Math.max(1, a.losDays())).dischargeMethod("1").principalDx(a.principalDx())
                .secondaryDx(a.secondaryDx()).principalProc(a.principalProc()).otherProcs(a.otherProcs()).build();
        return grouper.group(v);
    }

    private static Ranges ranges(DischargeAbstract a, boolean obstetric) {
        int ageMin;
        int ageMax;
        if (obstetric) {
            ageMin = 18;
            ageMax = 45;
        } else {
            int age = a.ageYears() < 0 ? 50 : Math.min(a.ageYears(), OLDEST);
            int band = 0;
            while (band + 1 < BAND_STARTS.length && BAND_STARTS[band + 1] <= age) {
                band++;
            }
            ageMin = BAND_STARTS[band];
            ageMax = band + 1 < BAND_STARTS.length ? BAND_STARTS[band + 1] - 1 : OLDEST;
        }
        int ageMid = clamp(a.ageYears() < 0 ? ageMin : a.ageYears(), ageMin, ageMax);
        if (ageMax > 0) {
            return new Ranges(ageMin, ageMax, ageMid, -1, -1, -1, -1, -1, -1);
        }
        boolean newborn = a.ageDays() <= NEWBORN_DAYS;
        int daysMin = newborn ? 0 : NEWBORN_DAYS + 1;
        int daysMax = newborn ? NEWBORN_DAYS : 364;
        int daysMid = clamp(a.ageDays() < 0 ? 7 : a.ageDays(), daysMin, daysMax);
        if (!newborn) {
            return new Ranges(0, 0, 0, daysMin, daysMax, daysMid, -1, -1, -1);
        }
        int w = a.birthWeightG() > 0 ? a.birthWeightG() : 3300;
        int wMin = w < 1500 ? 500 : w < 2000 ? 1500 : w < 2500 ? 2000 : 2500;
        int wMax = w < 1500 ? 1499 : w < 2000 ? 1999 : w < 2500 ? 2499 : 4800;
        return new Ranges(0, 0, 0, daysMin, daysMax, daysMid, wMin, wMax, clamp(w, wMin, wMax));
    }

    /** Whether each procedure is an operation of the bundled national operation list. */
    private static boolean[] operations(List<String> procs) {
        boolean[] out = new boolean[procs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = OPERATIONS.contains(procs.get(i));
        }
        return out;
    }

    /** Procedure grades: a stable grade per code, operating-room procedures graded 2–4, others mostly 1–2. */
    private int[] levels(List<String> procs, GroupKind kind) {
        int[] levels = new int[procs.size()];
        for (int i = 0; i < levels.length; i++) {
            String code = procs.get(i);
            long h = Seeds.ofText(code);
            double u = Seeds.unit(h);
            int level = orProcedures.contains(code) ? (u < 0.2 ? 2 : u < 0.8 ? 3 : 4) : (u < 0.65 ? 1 : u < 0.95 ? 2 : 3);
            if (i == 0 && kind == GroupKind.SURGICAL && level < 3 && Seeds.unit(Seeds.mix(h)) < 0.7) {
                level = 3;
            }
            levels[i] = level;
        }
        return levels;
    }

    /** Whether every code can be written unquoted into a {@code |}-separated CSV field. */
    private static boolean plainCodes(List<String> codes) {
        for (String c : codes) {
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (ch == ',' || ch == '"' || ch == '|' || ch == '\n' || ch == '\r') {
                    return false;
                }
            }
        }
        return true;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The ranges of a template and the value inside them the case itself has. */
    private record Ranges(int ageMin, int ageMax, int ageMid, int daysMin, int daysMax, int daysMid,
                          int weightMin, int weightMax, int weightMid) {
        Ranges collapsed() {
            return new Ranges(ageMid, ageMid, ageMid, daysMid, daysMid, daysMid, weightMid, weightMid, weightMid);
        }
    }
}
