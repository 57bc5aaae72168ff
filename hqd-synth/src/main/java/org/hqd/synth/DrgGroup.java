package org.hqd.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One DRG of a synthetic province: its code, what its code says (MDC, kind, complication split), its norms and
 * the templates that group into it, drawn in proportion to how common their patients' ages are among inpatients.
 *
 * @param cancerShare   the share of its templates whose principal diagnosis is a malignant neoplasm (C00–C97)
 * @param templateTable draws an index into {@code templates}
 */
record DrgGroup(String code, GroupKind kind, Complication complication, DrgNorms norms,
                List<CaseTemplate> templates, double cancerShare, AliasTable templateTable) {

    /** Share of inpatients by age band (0, 1–6, 7–17, 18–34, 35–49, 50–64, 65–79, 80+), roughly as in China. */
    private static final int[] BAND_STARTS = {0, 1, 7, 18, 35, 50, 65, 80};
    private static final double[] BAND_SHARES = {0.06, 0.05, 0.04, 0.14, 0.15, 0.24, 0.23, 0.09};

    DrgGroup {
        templates = List.copyOf(templates);
        if (templates.isEmpty() || templates.size() != templateTable.size()) {
            throw new IllegalArgumentException("DRG " + code + " needs one template-table entry per template");
        }
    }

    /** The group of these templates, which all group into {@code code}. */
    static DrgGroup of(String code, List<CaseTemplate> templates, double cancerShare) {
        GroupKind kind = GroupKind.of(code);
        Complication complication = Complication.of(code);
        double[] weights = new double[templates.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = ageShare(templates.get(i));
        }
        return new DrgGroup(code, kind, complication, DrgNorms.of(code, kind, complication), templates, cancerShare,
                new AliasTable(weights));
    }

    /** The letter of the MDC: the first letter of the code. */
    char mdc() {
        return code.charAt(0);
    }

    /** The share of its templates that have a procedure. */
    double procedureShare() {
        int with = 0;
        for (CaseTemplate t : templates) {
            with += t.principalProc().length > 0 ? 1 : 0;
        }
        return with / (double) templates.size();
    }

    /** Draws a template. */
    CaseTemplate sample(SplittableRandom r) {
        return templates.get(templateTable.sample(r));
    }

    private static double ageShare(CaseTemplate t) {
        if (t.obstetric()) {
            return BAND_SHARES[3];
        }
        int band = 0;
        while (band + 1 < BAND_STARTS.length && BAND_STARTS[band + 1] <= t.ageMin()) {
            band++;
        }
        return BAND_SHARES[band];
    }
}
