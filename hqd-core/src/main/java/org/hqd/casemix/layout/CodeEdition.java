package org.hqd.casemix.layout;

/**
 * The edition of diagnosis and procedure codes a layout carries: the front sheet's 国家临床版 2.0 codes are mapped to
 * the 医保版 2.0 codes the DRG schemes use when imported; the settlement list already has those.
 */
public enum CodeEdition {
    CLINICAL("国家临床版 2.0"),
    INSURANCE("医保版 2.0");

    private final String label;

    CodeEdition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
