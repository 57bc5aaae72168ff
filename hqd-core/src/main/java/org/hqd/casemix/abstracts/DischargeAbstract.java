package org.hqd.casemix.abstracts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One inpatient stay as recorded on the discharge abstract (病案首页 / 医保结算清单), in the canonical
 * columns of DESIGN §2.1.
 *
 * <p>Text fields are never null: a missing value is the empty string. Whole numbers that are missing are
 * {@link #UNKNOWN}; a missing amount is {@code NaN}. Diagnoses and procedures are codes as written; the
 * principal diagnosis and the principal procedure are kept apart from the others, as on the form.
 *
 * <p>What the national indicators need beside the grouping inputs is optional (empty or {@code NaN} when a file
 * does not give it): per diagnosis its 入院病情 ({@code admissionConditions}, aligned with the principal then the
 * secondary diagnoses), per procedure its date, wound class, healing and anaesthesia (aligned with the principal
 * then the other procedures, like {@code procLevels}; an empty item is unknown), the stay's ventilator and ICU
 * hours, the self-paid amount and the front-sheet fee classes ({@link HomepageFees}).
 */
public record DischargeAbstract(
        String hospitalId,
        String recordId,
        String patientId,
        Sex sex,
        @Nullable LocalDate birthDate,
        int ageYears,
        int ageDays,
        int birthWeightG,
        @Nullable LocalDate admissionDate,
        @Nullable LocalDate dischargeDate,
        int losDays,
        String admissionRoute,
        String dischargeMethod,
        String department,
        String attendingPhysician,
        String principalDx,
        List<String> secondaryDx,
        String principalProc,
        List<String> otherProcs,
        List<Integer> procLevels,
        boolean daySurgery,
        String payer,
        double totalCost,
        Charges charges,
        List<String> admissionConditions,
        List<String> procDates,
        List<String> woundClasses,
        List<String> woundHealing,
        List<String> anaesthesia,
        double ventilatorHours,
        double icuHours,
        double selfPay,
        HomepageFees homepageFees) {

    /** A whole-number field that was not given. */
    public static final int UNKNOWN = -1;

    /** Discharge method 5 (死亡): an in-hospital death. */
    public static final String DISCHARGE_DEATH = "5";

    public DischargeAbstract {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(admissionRoute, "admissionRoute");
        Objects.requireNonNull(dischargeMethod, "dischargeMethod");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(attendingPhysician, "attendingPhysician");
        Objects.requireNonNull(principalDx, "principalDx");
        Objects.requireNonNull(principalProc, "principalProc");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(charges, "charges");
        Objects.requireNonNull(homepageFees, "homepageFees");
        secondaryDx = List.copyOf(secondaryDx);
        admissionConditions = List.copyOf(admissionConditions);
        procDates = List.copyOf(procDates);
        woundClasses = List.copyOf(woundClasses);
        woundHealing = List.copyOf(woundHealing);
        anaesthesia = List.copyOf(anaesthesia);
        otherProcs = List.copyOf(otherProcs);
        procLevels = List.copyOf(procLevels);
    }

    /** Whether the patient died in hospital (离院方式 5). */
    public boolean died() {
        return DISCHARGE_DEATH.equals(dischargeMethod);
    }

    /** Whether a procedure was recorded. */
    public boolean hasProcedure() {
        return !principalProc.isEmpty();
    }

    /**
     * The codes of a list field as the store and the conformance cases write it ({@code "K35.8|K65.0"}): each stripped,
     * blank ones left out.
     */
    public static List<String> codes(String joined) {
        List<String> out = new ArrayList<>();
        for (String p : joined.split("\\|")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** A builder with every field missing; for readers and tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder of a {@link DischargeAbstract}; every field starts missing. */
    public static final class Builder {
        private String hospitalId = "";
        private String recordId = "";
        private String patientId = "";
        private Sex sex = Sex.UNKNOWN;
        private @Nullable LocalDate birthDate;
        private int ageYears = UNKNOWN;
        private int ageDays = UNKNOWN;
        private int birthWeightG = UNKNOWN;
        private @Nullable LocalDate admissionDate;
        private @Nullable LocalDate dischargeDate;
        private int losDays = UNKNOWN;
        private String admissionRoute = "";
        private String dischargeMethod = "";
        private String department = "";
        private String attendingPhysician = "";
        private String principalDx = "";
        private List<String> secondaryDx = List.of();
        private String principalProc = "";
        private List<String> otherProcs = List.of();
        private List<Integer> procLevels = List.of();
        private boolean daySurgery;
        private String payer = "";
        private double totalCost = Double.NaN;
        private Charges charges = Charges.NONE;
        private List<String> admissionConditions = List.of();
        private List<String> procDates = List.of();
        private List<String> woundClasses = List.of();
        private List<String> woundHealing = List.of();
        private List<String> anaesthesia = List.of();
        private double ventilatorHours = Double.NaN;
        private double icuHours = Double.NaN;
        private double selfPay = Double.NaN;
        private HomepageFees homepageFees = HomepageFees.NONE;

        private Builder() {
        }

        public Builder hospitalId(String v) { hospitalId = v; return this; }
        public Builder recordId(String v) { recordId = v; return this; }
        public Builder patientId(String v) { patientId = v; return this; }
        public Builder sex(Sex v) { sex = v; return this; }
        public Builder birthDate(@Nullable LocalDate v) { birthDate = v; return this; }
        public Builder ageYears(int v) { ageYears = v; return this; }
        public Builder ageDays(int v) { ageDays = v; return this; }
        public Builder birthWeightG(int v) { birthWeightG = v; return this; }
        public Builder admissionDate(@Nullable LocalDate v) { admissionDate = v; return this; }
        public Builder dischargeDate(@Nullable LocalDate v) { dischargeDate = v; return this; }
        public Builder losDays(int v) { losDays = v; return this; }
        public Builder admissionRoute(String v) { admissionRoute = v; return this; }
        public Builder dischargeMethod(String v) { dischargeMethod = v; return this; }
        public Builder department(String v) { department = v; return this; }
        public Builder attendingPhysician(String v) { attendingPhysician = v; return this; }
        public Builder principalDx(String v) { principalDx = v; return this; }
        public Builder secondaryDx(List<String> v) { secondaryDx = v; return this; }
        public Builder principalProc(String v) { principalProc = v; return this; }
        public Builder otherProcs(List<String> v) { otherProcs = v; return this; }
        public Builder procLevels(List<Integer> v) { procLevels = v; return this; }
        public Builder daySurgery(boolean v) { daySurgery = v; return this; }
        public Builder payer(String v) { payer = v; return this; }
        public Builder totalCost(double v) { totalCost = v; return this; }
        public Builder charges(Charges v) { charges = v; return this; }
        public Builder admissionConditions(List<String> v) { admissionConditions = v; return this; }
        public Builder procDates(List<String> v) { procDates = v; return this; }
        public Builder woundClasses(List<String> v) { woundClasses = v; return this; }
        public Builder woundHealing(List<String> v) { woundHealing = v; return this; }
        public Builder anaesthesia(List<String> v) { anaesthesia = v; return this; }
        public Builder ventilatorHours(double v) { ventilatorHours = v; return this; }
        public Builder icuHours(double v) { icuHours = v; return this; }
        public Builder selfPay(double v) { selfPay = v; return this; }
        public Builder homepageFees(HomepageFees v) { homepageFees = v; return this; }

        public DischargeAbstract build() {
            return new DischargeAbstract(hospitalId, recordId, patientId, sex, birthDate, ageYears, ageDays,
                    birthWeightG, admissionDate, dischargeDate, losDays, admissionRoute, dischargeMethod, department,
                    attendingPhysician, principalDx, secondaryDx, principalProc, otherProcs, procLevels, daySurgery,
                    payer, totalCost, charges, admissionConditions, procDates, woundClasses, woundHealing,
                    anaesthesia, ventilatorHours, icuHours, selfPay, homepageFees);
        }
    }
}
