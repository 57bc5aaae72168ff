package org.hqd.compliance;

import java.util.List;
import org.hqd.casemix.abstracts.ChargeCategory;

/** A compliance rule with its thresholds, as written in a rule file ({@code compliance-rules/1}). */
public sealed interface ComplianceRule {
    String id();

    String label();

    String source();

    ComplianceKind kind();

    /** Stays of one patient within {@code days} of the last discharge, same ADRG (or MDC), not planned. */
    record SplitStay(String id, String label, String source, int days, boolean sameMdc, boolean sameHospital,
                     List<String> plannedAdrgs) implements ComplianceRule {
        public SplitStay {
            plannedAdrgs = List.copyOf(plannedAdrgs);
        }

        @Override
        public ComplianceKind kind() {
            return ComplianceKind.SPLIT_STAY;
        }
    }

    /** A stay of at most {@code losDaysAtMost} days costing below {@code costBelowMean} × its DRG's mean. */
    record NeedlessAdmission(String id, String label, String source, int losDaysAtMost, double costBelowMean,
                             boolean noProcedure, List<String> dischargeMethods) implements ComplianceRule {
        public NeedlessAdmission {
            dischargeMethods = List.copyOf(dischargeMethods);
        }

        @Override
        public ComplianceKind kind() {
            return ComplianceKind.NEEDLESS_ADMISSION;
        }
    }

    /**
     * A hospital's value for an ADRG (CC/MCC share, or mean secondary diagnoses) against its peers' — the other
     * hospitals of its peer group ({@code byTier}) or all others: flagged at ≥ {@code ratioAtLeast} times and
     * ≥ {@code differenceAtLeast} more, both sides with ≥ {@code minCases} cases.
     */
    record PeerSignal(String id, String label, String source, ComplianceKind kind, int minCases, double ratioAtLeast,
                      double differenceAtLeast, boolean byTier) implements ComplianceRule {
    }

    /** CC/MCC diagnoses and the charges their treatment brings; a case with such a diagnosis and none is flagged. */
    record CcWithoutCharges(String id, String label, String source, List<ChargeEvidence> evidence)
            implements ComplianceRule {
        public CcWithoutCharges {
            evidence = List.copyOf(evidence);
        }

        @Override
        public ComplianceKind kind() {
            return ComplianceKind.CC_WITHOUT_CHARGES;
        }
    }

    /** Diagnoses (by code prefix) whose treatment shows in at least one of these charge categories. */
    record ChargeEvidence(String label, List<String> dxPrefixes, List<ChargeCategory> charges) {
        public ChargeEvidence {
            dxPrefixes = List.copyOf(dxPrefixes);
            charges = List.copyOf(charges);
        }
    }
}
