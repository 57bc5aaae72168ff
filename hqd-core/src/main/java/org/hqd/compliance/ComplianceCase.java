package org.hqd.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hqd.casemix.abstracts.Charges;

/**
 * What compliance screening needs of a case.
 *
 * @param patientId     the pseudonymised patient; empty when unknown (the case is not screened for split stays)
 * @param peerGroup     the hospital's peer group (its tier); empty when unknown
 * @param grouped       grouped into a DRG (status GROUPED)
 * @param secondaryDx   the secondary diagnoses as recorded
 * @param procedures    how many procedures the case has
 * @param groupMeanCost the mean cost of the case's DRG (the standard or the official mean); {@code NaN} when none
 */
public record ComplianceCase(String hospitalId, String recordId, String patientId, String peerGroup,
                             LocalDate admission, LocalDate discharge, int losDays, String dischargeMethod,
                             boolean grouped, String mdc, String adrg, String drg, boolean cc, boolean mcc,
                             List<String> secondaryDx, int procedures, double totalCost, Charges charges,
                             double groupMeanCost) {
    public ComplianceCase {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(peerGroup, "peerGroup");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(discharge, "discharge");
        Objects.requireNonNull(dischargeMethod, "dischargeMethod");
        Objects.requireNonNull(mdc, "mdc");
        Objects.requireNonNull(adrg, "adrg");
        Objects.requireNonNull(drg, "drg");
        secondaryDx = List.copyOf(secondaryDx);
        Objects.requireNonNull(charges, "charges");
    }

    /** Carries a counted CC or MCC. */
    public boolean complicated() {
        return cc || mcc;
    }
}
