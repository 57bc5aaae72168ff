package org.hqd.synth;

import java.util.List;
import java.util.SplittableRandom;
import org.hqd.hospital.HospitalType;

/**
 * Draws stays: the hospital (by size and tier), the discharge month and day, the DRG (by the hospital's case mix)
 * and a template of it, the patient, the length of stay, and the care (admission route, discharge method,
 * department and physician, payer, procedure grades, costs). Also draws the readmissions: a second stay of the
 * same patient in the same hospital within 31 days. Immutable and safe to share between threads: all state is in
 * the caller's {@link Stay} and random source.
 */
final class StayGenerator {
    /**
     * The national 医疗付款方式 codes: 1 城镇职工基本医疗保险, 2 城镇居民基本医疗保险, 3 新型农村合作医疗, 4 贫困救助,
     * 5 商业医疗保险, 6 全公费, 7 全自费, 8 其他社会保险, 9 其他.
     */
    static final char[] PAYERS = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
    /** Share of the insurance fund in the cost of a stay, by payer code (index = code − 1). */
    private static final double[] FUND_SHARE = {0.75, 0.6, 0.6, 0.85, 0, 0.9, 0, 0.6, 0};
    private static final double SIGMA_LOS = 0.35;
    /** Children up to this age are cared for in paediatric departments (儿科, 新生儿科) for medical conditions. */
    static final int CHILD_AGE = 14;
    /** Stay-to-stay spread of the cost of light groups; heavy groups (high expected weight) spread less. */
    private static final double SIGMA_COST = 0.20;
    /** Shares of high-cost (×2.2–4) and low-cost (×0.15–0.35) outliers drawn on purpose. */
    private static final double HIGH_OUTLIERS = 0.013;
    private static final double LOW_OUTLIERS = 0.016;
    /**
     * 入院病情 of the principal diagnosis: 2 临床未确定 and 3 情况不明 with these chances, 1 有 otherwise; of a
     * secondary diagnosis: 4 无 (arisen in hospital) with {@link #ARISEN_SECONDARY} (twice that in groups with an
     * MCC), 2 and 3 as for the principal one, 1 otherwise.
     */
    static final double UNCERTAIN_ON_ADMISSION = 0.03;
    static final double UNKNOWN_ON_ADMISSION = 0.015;
    static final double ARISEN_SECONDARY = 0.05;

    private final List<Hospital> hospitals;
    private final AliasTable hospitalTable;
    private final Calibration calibration;
    private final TierTraits[] traits;
    private final ReportingPeriod period;
    /** Per hospital and department: how many attending physicians it has ({@link Hospital#physiciansIn}). */
    private final int[][] physicians;
    /** Per hospital, department and physician: the physician's cost factor ({@link Hospital#physicianFactor}). */
    private final double[][][] physicianFactors;

    StayGenerator(List<Hospital> hospitals, Calibration calibration, ReportingPeriod period) {
        this.hospitals = hospitals;
        this.hospitalTable = new AliasTable(calibration.volumes());
        this.calibration = calibration;
        this.period = period;
        this.traits = new TierTraits[hospitals.size()];
        for (int i = 0; i < traits.length; i++) {
            traits[i] = TierTraits.of(hospitals.get(i).tier());
        }
        // looked up per stay; computed once here (a factor costs a Gaussian draw with log and cos)
        Department[] departments = Department.values();
        physicians = new int[hospitals.size()][departments.length];
        physicianFactors = new double[hospitals.size()][departments.length][];
        for (Hospital h : hospitals) {
            for (Department d : departments) {
                int n = h.physiciansIn(d);
                physicians[h.index()][d.ordinal()] = n;
                double[] f = new double[n];
                for (int k = 0; k < n; k++) {
                    f[k] = h.physicianFactor(d, k);
                }
                physicianFactors[h.index()][d.ordinal()] = f;
            }
        }
    }

    /** Draws a first stay of a new patient into {@code s}; {@code row} is its 0-based row in the file. */
    void drawStay(SplittableRandom r, long row, Stay s) {
        int h = hospitalTable.sample(r);
        s.hospital = hospitals.get(h);
        s.row = row;
        s.patient = row;
        s.month = period.sample(r);
        s.discharge = period.start(s.month) + r.nextInt(period.length(s.month));
        s.group = calibration.mix(h).sample(r);
        CaseTemplate t = s.group.sample(r);
        s.template = t;
        s.sex = t.sex().isKnown() ? t.sex().code().charAt(0) : r.nextDouble() < 0.52 ? '1' : '2';
        if (t.obstetric() && t.ageMin() < t.ageMax()) {
            double u = (r.nextDouble() + r.nextDouble()) / 2;
            s.ageYears = t.ageMin() + (int) (u * (t.ageMax() - t.ageMin() + 1));
        } else {
            s.ageYears = t.ageMin() + r.nextInt(t.ageMax() - t.ageMin() + 1);
        }
        drawLos(r, s);
        s.admission = s.discharge - s.los;
        if (s.ageYears == 0) {
            s.ageDays = t.daysMin() + r.nextInt(t.daysMax() - t.daysMin() + 1);
            s.birth = s.admission - s.ageDays;
            s.birthWeight = t.weightMin() < 0 ? -1 : birthWeight(r, t);
        } else {
            s.ageDays = -1;
            s.birthWeight = -1;
            s.birth = CivilDates.birthDay(s.admission, s.ageYears, r.nextInt(365));
        }
        drawCare(r, s, false);
    }

    /**
     * Draws, with the hospital's readmission rate, another stay of {@code first}'s patient in the same hospital
     * that starts within 31 days after the other ends (after {@code first}, or before it when the period ends
     * too soon). Returns false, leaving {@code s} unusable, when there is none.
     */
    boolean drawReadmission(SplittableRandom r, long row, Stay first, Stay s) {
        if (r.nextDouble() >= first.hospital.readmissionRate()) {
            return false;
        }
        CaseTemplate t = first.template;
        if (t.ageMax() == 0 || t.obstetric()) {
            return false;
        }
        if (r.nextDouble() >= 0.6) {
            CaseTemplate other = first.group.sample(r);
            boolean sexFits = !other.sex().isKnown() || other.sex().code().charAt(0) == first.sex;
            if (sexFits && first.ageYears >= other.ageMin() && first.ageYears <= other.ageMax()) {
                t = other;
            }
        }
        s.hospital = first.hospital;
        s.group = first.group;
        s.template = t;
        s.row = row;
        s.patient = first.patient;
        s.sex = first.sex;
        s.birth = first.birth;
        drawLos(r, s);
        int gap = r.nextInt(31);
        s.admission = first.discharge + gap;
        s.discharge = s.admission + s.los;
        if (s.discharge > period.lastDay()) {
            s.discharge = first.admission - gap;
            s.admission = s.discharge - s.los;
            if (s.discharge < period.firstDay()) {
                return false;
            }
        }
        s.month = period.monthOf(s.discharge);
        s.ageYears = CivilDates.yearsBetween(s.birth, s.admission);
        if (s.ageYears < t.ageMin() || s.ageYears > t.ageMax() || s.ageYears == 0) {
            return false;
        }
        s.ageDays = -1;
        s.birthWeight = -1;
        drawCare(r, s, true);
        return true;
    }

    private void drawLos(SplittableRandom r, Stay s) {
        TierTraits tt = traits[s.hospital.index()];
        s.expectedLos = s.group.norms().meanLos() * tt.los() * calibration.losFactor(s.hospital.index());
        double z = Normal.draw(r);
        int los = (int) Math.round(s.expectedLos * StrictMath.exp(SIGMA_LOS * z - SIGMA_LOS * SIGMA_LOS / 2));
        los = Math.max(1, Math.min(180, los));
        boolean surgical = s.group.kind() == GroupKind.SURGICAL;
        s.daySurgery = false;
        if (daySurgeryEligible(s.group) && r.nextDouble() < calibration.daySurgeryRate(s.hospital.index())) {
            los = 1;
            s.daySurgery = true;
        } else if (surgical && los <= 1 && r.nextDouble() < 0.7) {
            s.daySurgery = true;
        }
        s.los = los;
    }

    /** The longest mean stay of a group whose operations may be done as day surgery. */
    static final double DAY_SURGERY_MAX_LOS = 8.0;

    /**
     * Whether stays of the group may be day surgery: operations without an MCC whose usual stay is a week or so
     * at most (cataract, hernia, hysteroscopy, …): not the major operations, not deliveries and newborns (MDC O, P).
     */
    static boolean daySurgeryEligible(DrgGroup g) {
        return g.kind() == GroupKind.SURGICAL && g.complication() != Complication.MCC && g.mdc() != 'O'
                && g.mdc() != 'P' && g.norms().meanLos() <= DAY_SURGERY_MAX_LOS;
    }

    private void drawCare(SplittableRandom r, Stay s, boolean readmission) {
        Hospital hosp = s.hospital;
        TierTraits tt = traits[hosp.index()];
        CaseTemplate t = s.template;
        DrgGroup g = s.group;
        double emergency = emergencyShare(g) + (readmission ? 0.2 : 0.0);
        double u = r.nextDouble();
        // a day surgery is planned: admitted from the clinic (入院途径 2, the elective admissions)
        s.route = s.daySurgery ? '2' : u < tt.transferIn() ? '3' : u < tt.transferIn() + emergency ? '1'
                : u < tt.transferIn() + emergency + 0.01 ? '9' : '2';
        drawConditions(r, s);
        s.method = dischargeMethod(r.nextDouble(), g.norms().deathRate(), tt.transferOut());
        Department d = s.ageYears <= CHILD_AGE ? t.childDepartment() : t.adultDepartment();
        int k = r.nextInt(physicians[hosp.index()][d.ordinal()]);
        s.department = d;
        s.physician = k + 1;
        s.payer = payer(r, tt, hosp.tier() == org.hqd.hospital.HospitalTier.COUNTY, s.ageYears);
        int n = t.levels().length;
        if (s.levels.length < n) {
            s.levels = new int[n];
        }
        double up = tt.gradeUp() + Math.max(0, hosp.gradeShift());
        double down = tt.gradeDown() + Math.max(0, -hosp.gradeShift());
        for (int i = 0; i < n; i++) {
            double v = r.nextDouble();
            int level = t.levels()[i] + (v < up ? 1 : v < up + down ? -1 : 0);
            s.levels[i] = Math.max(1, Math.min(4, level));
        }
        double sigma = g.norms().baseCost() > 40_000 ? SIGMA_COST * 0.6 : SIGMA_COST;
        // a day surgery costs 0.8 of an ordinary stay: its operation is the same, only the ward days are fewer
        double stay = s.daySurgery ? 0.8 : StrictMath.pow(s.los / s.expectedLos, 0.4);
        double cost = g.norms().baseCost() * tt.cost() * hosp.costFactor()
                * physicianFactors[hosp.index()][d.ordinal()][k]
                * stay * StrictMath.exp(sigma * Normal.draw(r) - sigma * sigma / 2);
        double o = r.nextDouble();
        if (o < HIGH_OUTLIERS) {
            cost *= 2.2 + 1.8 * r.nextDouble();
        } else if (o < HIGH_OUTLIERS + LOW_OUTLIERS) {
            cost *= 0.15 + 0.2 * r.nextDouble();
        }
        long cents = Math.max(15_000L, Math.round(cost * 100));
        s.total = ChargeSplitter.split(r, g.kind(), hosp.type() == HospitalType.TCM, n > 0, g.cancerShare() > 0.5,
                calibration.serviceFactor(hosp.index()), cents, s.charges, s.weights);
        s.fund = Math.round(s.total * FUND_SHARE[PAYERS[s.payer] - '1']);
    }

    private static void drawConditions(SplittableRandom r, Stay s) {
        byte[] secondary = s.template.secondaryDx();
        int n = 1;
        if (secondary.length > 0) {
            n++;
            for (byte b : secondary) {
                n += b == '|' ? 1 : 0;
            }
        }
        if (s.conditions.length < n) {
            s.conditions = new char[n];
        }
        s.diagnoses = n;
        double arisen = s.group.complication() == Complication.MCC ? 2 * ARISEN_SECONDARY : ARISEN_SECONDARY;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double a = i == 0 ? 0 : arisen;
            s.conditions[i] = u < a ? '4' : u < a + UNCERTAIN_ON_ADMISSION ? '2'
                    : u < a + UNCERTAIN_ON_ADMISSION + UNKNOWN_ON_ADMISSION ? '3' : '1';
        }
    }

    /**
     * 离院方式 for a uniform {@code u}: 5 death with the group's mortality, 2 transfer with the tier's rate, then
     * 3 community care 0.5 %, 4 against advice 2.5 %, 9 other 0.5 %, and 1 (医嘱离院) for the rest.
     */
    static char dischargeMethod(double u, double death, double transferOut) {
        if (u < death) {
            return '5';
        }
        double v = u - death;
        if (v < transferOut) {
            return '2';
        }
        v -= transferOut;
        return v < 0.005 ? '3' : v < 0.03 ? '4' : v < 0.035 ? '9' : '1';
    }

    private static double emergencyShare(DrgGroup g) {
        switch (g.mdc()) {
            case 'A':
            case 'V':
            case 'W':
            case 'Z': return 0.65;
            case 'P': return 0.4;
            case 'O': return 0.3;
            default: break;
        }
        switch (g.kind()) {
            case SURGICAL: return 0.18;
            case NON_OR: return 0.25;
            default: return g.complication() == Complication.MCC ? 0.45 : 0.3;
        }
    }

    /**
     * The payer (index into {@link #PAYERS}): employee insurance with the tier's share among adults; then 全自费 6 %,
     * 商业 1 %, 贫困救助 2 %, 全公费 0.5 %, 其他社会保险 1 %, 其他 1 %; the rest resident insurance, reported as 新农合
     * (code 3) for a third of them in county hospitals and a tenth elsewhere, as 城镇居民 (code 2) otherwise.
     */
    private static int payer(SplittableRandom r, TierTraits tt, boolean county, int age) {
        double employee = age < 18 ? 0.0 : tt.employeeInsured();
        double u = r.nextDouble();
        if (u < employee) {
            return 0;
        }
        u = (u - employee) / (1 - employee);
        if (u < 0.06) {
            return 6;
        }
        if (u < 0.07) {
            return 4;
        }
        if (u < 0.09) {
            return 3;
        }
        if (u < 0.095) {
            return 5;
        }
        if (u < 0.105) {
            return 7;
        }
        if (u < 0.115) {
            return 8;
        }
        return r.nextDouble() < (county ? 0.33 : 0.1) ? 2 : 1;
    }

    private static int birthWeight(SplittableRandom r, CaseTemplate t) {
        if (t.weightMin() >= 2500) {
            int w = (int) Math.round(3300 + 420 * Normal.draw(r));
            return Math.max(t.weightMin(), Math.min(t.weightMax(), w));
        }
        return t.weightMin() + r.nextInt(t.weightMax() - t.weightMin() + 1);
    }
}
