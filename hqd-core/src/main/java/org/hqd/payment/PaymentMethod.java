package org.hqd.payment;

/** Whether the insurer pays by DRG (按病组) or by DIP (按病种分值); each has its bundled rules. */
public enum PaymentMethod {
    DRG("按病组（DRG）付费", "chs-drg-points"),
    DIP("按病种分值（DIP）付费", "dip-points");

    private final String label;
    private final String bundledRules;

    PaymentMethod(String label, String bundledRules) {
        this.label = label;
        this.bundledRules = bundledRules;
    }

    public String label() {
        return label;
    }

    /** The rules HQD ships for this method, used until a region loads its own. */
    public PaymentRules bundledRules() {
        return PaymentRulesLoader.bundled(bundledRules);
    }
}
