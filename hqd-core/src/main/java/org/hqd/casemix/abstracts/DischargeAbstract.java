package org.hqd.casemix.abstracts;

import java.time.LocalDate;
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
        Charges charges) {

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
        secondaryDx = List.copyOf(secondaryDx);
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

        public DischargeAbstract build() {
            return new DischargeAbstract(hospitalId, recordId, patientId, sex, birthDate, ageYears, ageDays,
                    birthWeightG, admissionDate, dischargeDate, losDays, admissionRoute, dischargeMethod, department,
                    attendingPhysician, principalDx, secondaryDx, principalProc, otherProcs, procLevels, daySurgery,
                    payer, totalCost, charges);
        }
    }
}
