package org.hqd.casemix.dip;

import java.util.List;

/**
 * The parameters of a DIP catalogue (DESIGN §3.2), named in output.
 *
 * @param coreMinCases         a key with at least this many baseline cases is a core group (核心病种)
 * @param diagnosticPrefixes   a non-OR main procedure whose code starts with one of these is diagnostic (ICD-9-CM-3
 *                             chapters 87–92: imaging, examinations, laboratory, nuclear medicine); others are
 *                             therapeutic
 * @param trimSigmas           trimming of each group's costs, as for DRG standards
 * @param pointsPerMeanCost    a group whose trimmed mean cost equals the overall mean scores this (1000)
 */
public record DipParameters(int coreMinCases, List<String> diagnosticPrefixes, double trimSigmas,
                            double pointsPerMeanCost) {
    /** The defaults of DESIGN §3.2. */
    public static final DipParameters DEFAULTS = new DipParameters(15, List.of("87", "88", "89", "90", "91", "92"),
            3.0, 1000);

    public DipParameters {
        diagnosticPrefixes = List.copyOf(diagnosticPrefixes);
        if (coreMinCases < 1 || trimSigmas <= 0 || pointsPerMeanCost <= 0) {
            throw new IllegalArgumentException("coreMinCases ≥ 1, trimSigmas > 0, pointsPerMeanCost > 0");
        }
    }
}
